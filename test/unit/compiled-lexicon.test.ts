import { beforeAll, describe, expect, it } from 'vitest';
import { Lexicon, type CompiledLexicon } from '../../src/grading/lexicon.js';
import { loadNlp, type Nlp } from '../../src/grading/nlp.js';
import { compileRubric } from '../../src/grading/rubric.js';
import { shippedContent, shippedVocabulary } from '../helpers/shipped.js';

// `npm run build` stores the compiled lexicon so that a run skips tokenising the vocabulary and the rubrics.
// What a run compiles from the stored form must be what it would have compiled itself.
describe('the compiled lexicon', () => {
  let nlp: Nlp;
  beforeAll(async () => {
    nlp = await loadNlp();
  });

  it('compiles every shipped rubric exactly as a lexicon built from scratch', () => {
    const content = shippedContent();
    const vocabulary = shippedVocabulary();
    const fresh = new Lexicon(vocabulary, nlp);
    const phrases = [...content.framework.criteria, ...content.prompts.flatMap((p) => p.rubric.criteria)].flatMap((c) => c.concepts.flat());
    const stored = JSON.parse(JSON.stringify(fresh.compiled(phrases))) as CompiledLexicon;
    expect(Object.keys(stored.phrases ?? {}).length).toBeGreaterThan(100);
    const reloaded = new Lexicon(vocabulary, nlp, stored);
    for (const prompt of content.prompts) {
      const a = compileRubric(prompt, content.framework, reloaded);
      const b = compileRubric(prompt, content.framework, new Lexicon(vocabulary, nlp));
      expect(a.criteria.map((c) => c.groups), prompt.id).toEqual(b.criteria.map((c) => c.groups));
      expect(a.typos.correct('retreival', 'retreival'), prompt.id).toBe(b.typos.correct('retreival', 'retreival'));
    }
  });

  it('is ignored when it was compiled from another vocabulary', () => {
    const old = { synonyms: [['click-through rate', 'CTR']], words: {}, notTypos: [] };
    const stored = new Lexicon(old, nlp).compiled(['CTR']);
    const current = { synonyms: [['conversion rate', 'CVR']], words: {}, notTypos: [] };
    const lexicon = new Lexicon(current, nlp, stored);
    expect(lexicon.phrase('CTR')).toEqual(['ctr']);
    expect(lexicon.phrase('CVR')).toEqual(['~conversion_rate']);
    expect(new Lexicon(old, nlp, stored).phrase('CTR')).toEqual(['~click_through_rate']);
  });
});

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadLanguage, loadVocabulary } from '../../../src/content/vocabulary.js';
import { contentDataDir } from '../../../src/paths.js';
import { PHASE_IDS, PHASES, type PhaseId } from '../../../src/phases.js';
import { LANGUAGE, LANGUAGE_KEY } from '../../../src/content/language.compiled.js';
import { validateLanguage } from '../../../src/content/language.js';
import { Lexicon } from '../../../src/grading/lexicon.js';
import { analyseAnswer } from '../../../src/grading/analyse.js';
import { headingPhase, headingRules, parseAnswerMarkdown } from '../../../src/grading/markdown.js';
import { readNegation } from '../../../src/grading/negation.js';
import { qualifiesNote } from '../../../src/grading/notes.js';
import { quantityKinds, signalRules, tradeoffSignal } from '../../../src/grading/signals.js';
import { loadNlp } from '../../../src/grading/nlp.js';
import { tempDir } from '../../helpers/temp.js';

const language = loadLanguage();
const nlp = await loadNlp();
const lexicon = new Lexicon(loadVocabulary(), nlp);

interface Example {
  text: string;
  /** A decision the lists get wrong today: run as a test expected to fail. */
  wrong?: boolean;
}

/** A corpus of test/fixtures/language/: its examples, each with its title and the test to run it with. */
function corpus<E extends Example>(name: string): Array<[string, E]> {
  const file = join(import.meta.dirname, '..', '..', 'fixtures', 'language', `${name}.yaml`);
  const { examples } = parse(readFileSync(file, 'utf8')) as { examples: E[] };
  expect(examples.length).toBeGreaterThan(0);
  return examples.map((e) => [`${e.wrong ? '(known gap) ' : ''}${e.text}`, e]);
}

/** The run for an example: it.fails for a known gap, so that fixing it is noticed. */
const run = (e: Example) => (e.wrong ? it.fails : it);

/** Each word of the sentence as written (lower-case, edges stripped) with a flag per token. */
function flagged(text: string, pick: (negation: ReturnType<typeof readNegation>) => ReadonlyArray<unknown>) {
  const [sentence, ...rest] = nlp.sentences(text);
  expect(rest, `one sentence: ${text}`).toEqual([]);
  const flags = pick(readNegation(sentence!.tokens, lexicon.negation));
  const words = sentence!.tokens.map((t) => t.text.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  return { on: words.filter((_, i) => Boolean(flags[i])), off: words.filter((_, i) => !flags[i]) };
}

/** Whether each listed word appears (as a whole word or a part of a hyphenated one) among `words`. */
const among = (words: string[], wanted: readonly string[]) => wanted.filter((w) => words.some((x) => x === w || x.split(/[-/]/).includes(w)));

describe('data/language.yaml', () => {
  it('is what the grader falls back on (src/content/language.compiled.ts; run node scripts/compile-language.mjs after an edit)', () => {
    const source = readFileSync(join(contentDataDir(), 'language.yaml'), 'utf8');
    expect(LANGUAGE).toEqual(validateLanguage(parse(source)));
    expect(LANGUAGE_KEY).toBe(createHash('sha1').update(source).digest('hex'));
  });

  it('is parsed and validated again once its text differs from the generated copy', () => {
    const dir = tempDir();
    const source = readFileSync(join(contentDataDir(), 'language.yaml'), 'utf8');
    writeFileSync(join(dir, 'language.yaml'), source.replace(/^stopwords: \[/m, 'stopwords: [whatever, '));
    const edited = loadLanguage(dir);
    expect(edited.stopwords).toEqual(['whatever', ...LANGUAGE.stopwords]);
    expect(edited).not.toBe(LANGUAGE);
  });

  it('ships with the vocabulary, so every grader built from data/ reads with it', () => {
    expect(loadVocabulary().language).toEqual(language);
  });

  it('names the file and the field when a list is broken', () => {
    const dir = tempDir();
    const source = readFileSync(join(contentDataDir(), 'language.yaml'), 'utf8');
    writeFileSync(join(dir, 'language.yaml'), source.replace('clauseNegators: [not,', 'clauseNegators: [Not, 3,'));
    expect(() => loadLanguage(dir)).toThrow(/language\.yaml → negation\.clauseNegators\.0: expected lower case/);
    expect(() => loadLanguage(dir)).toThrow(/language\.yaml → negation\.clauseNegators\.1: /);
  });

  it('names the file when a list is missing', () => {
    const dir = tempDir();
    const source = readFileSync(join(contentDataDir(), 'language.yaml'), 'utf8');
    writeFileSync(join(dir, 'language.yaml'), source.replace(/^stopwords: \[[^\]]*\]/m, ''));
    expect(() => loadLanguage(dir)).toThrow(/language\.yaml → stopwords: /);
  });
});

describe('negation corpus (data/language.yaml → negation, dismissals): which words are negated', () => {
  for (const [title, e] of corpus<Example & { negated?: string[]; standing?: string[] }>('negation')) {
    run(e)(title, () => {
      const { on, off } = flagged(e.text, (n) => n.negated);
      expect(among(on, e.negated ?? []), `negated: ${on.join(' ')}`).toEqual(e.negated ?? []);
      expect(among(off, e.standing ?? []), `standing: ${off.join(' ')}`).toEqual(e.standing ?? []);
    });
  }
});

describe('dismissal corpus (data/language.yaml → dismissals): which words are set aside as not worth doing', () => {
  for (const [title, e] of corpus<Example & { dismissed: string[]; kept?: string[] }>('dismissals')) {
    run(e)(title, () => {
      const { on, off } = flagged(e.text, (n) => n.dismissed);
      expect(among(on, e.dismissed), `dismissed: ${on.join(' ')}`).toEqual(e.dismissed);
      if (!e.dismissed.length) expect(on).toEqual([]);
      expect(among(off, e.kept ?? []), `kept: ${off.join(' ')}`).toEqual(e.kept ?? []);
    });
  }
});

describe('note corpus (data/language.yaml → notes.qualifiers): whether a terse note qualifies what it names', () => {
  const qualifiers = new Set(lexicon.language.notes.qualifiers);
  for (const [title, e] of corpus<Example & { qualified: boolean; number?: boolean; list?: boolean }>('notes')) {
    run(e)(title, () => {
      expect(qualifiesNote(e.text, { hasNumber: e.number ?? false, listLike: e.list ?? false }, qualifiers)).toBe(e.qualified);
    });
  }
});

describe('heading corpus (data/language.yaml → headings): the phase a heading maps to', () => {
  const rules = headingRules(language);
  for (const [title, e] of corpus<Example & { phase: PhaseId | null }>('headings')) {
    run(e)(title, () => {
      expect(headingPhase(e.text, rules)).toBe(e.phase);
    });
  }

  it('maps every name `mlsd guide` accepts for a phase (src/phases.ts) to that phase', () => {
    for (const phase of PHASES) for (const name of phase.headings) expect(headingPhase(name, rules), name).toBe(phase.id);
  });
});

describe('signal corpus (data/language.yaml → signals): trade-off cues and figures, as the grader reads them', () => {
  const rules = signalRules(language);
  const { tradeoffs, quantities } = parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'language', 'signals.yaml'), 'utf8')) as {
    tradeoffs: Array<Example & { weighs: boolean }>;
    quantities: Array<Example & { kinds: string[] }>;
  };
  const underModels = (text: string) => analyseAnswer(parseAnswerMarkdown(`## Models\n${text}`), nlp, lexicon);

  for (const e of tradeoffs) {
    run(e)(`${e.wrong ? '(known gap) ' : ''}weighs a trade-off: ${e.weighs}: ${e.text}`, () => {
      expect(tradeoffSignal(underModels(e.text), PHASE_IDS, rules) > 0).toBe(e.weighs);
    });
  }
  for (const e of quantities) {
    run(e)(`${e.wrong ? '(known gap) ' : ''}figures [${e.kinds.join(', ')}]: ${e.text}`, () => {
      expect(quantityKinds(underModels(e.text), rules)).toEqual(e.kinds);
    });
  }
});

describe('stopword corpus (data/language.yaml → stopwords): which rubric phrases meet once stopwords are dropped', () => {
  for (const [title, e] of corpus<Example & { other: string; same: boolean }>('stopwords')) {
    run(e)(`${title} ≈ ${e.other}: ${e.same}`, () => {
      const [a, b] = [lexicon.phrase(e.text), lexicon.phrase(e.other)].map((terms) => [...terms].sort());
      expect(a!.join(' ') === b!.join(' '), `${a!.join(' ')} | ${b!.join(' ')}`).toBe(e.same);
    });
  }
});

import { describe, expect, it } from 'vitest';
import type { CommitmentExample } from '../../src/content/schema.js';
import { loadCommitmentWords, loadVocabulary } from '../../src/content/vocabulary.js';
import { commitmentRules, readCommitment } from '../../src/grading/commitment.js';
import { negatedTokens } from '../../src/grading/negation.js';
import { loadNlp } from '../../src/grading/nlp.js';

const words = loadCommitmentWords();
const rules = commitmentRules(words);
const nlp = await loadNlp();

/** Per token of the sentence: whether the writer commits to it (neither negated nor held back). */
function read(text: string) {
  const [sentence, ...rest] = nlp.sentences(text);
  expect(rest, `one sentence: ${text}`).toEqual([]);
  const tokens = sentence!.tokens;
  const negated = negatedTokens(tokens);
  const commitment = readCommitment(tokens, rules);
  return { tokens, commitment, committed: tokens.map((_, i) => !negated[i] && !commitment.held[i]) };
}

const examples = (list: CommitmentExample[], name: string) => list.map((e) => [name, e.text, e] as const);

it('ships with the vocabulary, so every grader built from data/ reads commitment', () => {
  expect(loadVocabulary().commitment).toEqual(words);
});

describe.each([
  ...examples(words.questions.examples, 'questions'),
  ...examples(words.hypothetical.examples, 'hypothetical'),
  ...examples(words.rejection.examples, 'rejection'),
])('%s: %s', (_list, text, example) => {
  const { tokens, commitment, committed } = read(text);
  const at = (word: string) => {
    const found = tokens.flatMap((t, i) => (t.lemma.startsWith(word) || t.text.toLowerCase().startsWith(word) ? [i] : []));
    expect(found.length, `"${word}" is in the sentence`).toBeGreaterThan(0);
    return found;
  };

  it('commits to what it commits to', () => {
    for (const word of example.commits) expect(at(word).map((i) => committed[i]), word).not.toContain(false);
  });

  it('holds back what it holds back', () => {
    for (const word of example.holdsBack) expect(at(word).map((i) => committed[i]), word).not.toContain(true);
  });

  it(`${example.credit ? 'can' : 'cannot'} earn a criterion`, () => {
    expect(commitment.credit).toBe(example.credit);
  });
});

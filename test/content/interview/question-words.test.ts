import { describe, expect, it } from 'vitest';
import { stem, subjectTerms } from '../../../src/interview/facts.js';
import { shippedVocabulary } from '../../helpers/shipped.js';

const vocabulary = shippedVocabulary();
const questionWords = vocabulary.questionWords!;

describe('data/question-words.yaml', () => {
  it('ships with the vocabulary', () => {
    expect(questionWords.generic.length).toBeGreaterThan(100);
    expect(questionWords.examples.length).toBeGreaterThan(5);
  });

  /** The subject words as the lookup keeps them: stemmed, a compound as one term. */
  const expected = (subject: string[]) =>
    subject.map((w) => questionWords.compounds[w] ?? stem(w.toLowerCase())).sort();

  it.each(questionWords.examples.map((e) => [e.text, e.subject] as const))('%s → %j', (text, subject) => {
    expect(subjectTerms(text, { synonyms: [], words: {}, questionWords }).sort()).toEqual(expected(subject));
  });

  it('lists every generic word once', () => {
    expect(new Set(questionWords.generic).size).toBe(questionWords.generic.length);
  });

  it('keeps subject words out of the generic list, where a question would hide what it asks for', () => {
    // Each of these is what some clarifying question asks about; none may read as a mere way of asking.
    for (const word of ['cost', 'pay', 'paid', 'vendor', 'team', 'users', 'latency', 'scope', 'language', 'delete', 'hold', 'wellness']) {
      expect(questionWords.generic, word).not.toContain(word);
    }
  });

  it('has no subject words without the list', () => {
    expect(subjectTerms('Are reviewers outsourced?', { synonyms: [], words: {} })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { readNegation } from '../../../src/grading/negation.js';
import { tools } from '../../helpers/grading.js';

/** The words of a one-sentence text that the negation rules flag. */
async function flaggedWords(text: string): Promise<string[]> {
  const { nlp, lexicon } = await tools();
  const [sentence] = nlp.sentences(text);
  const { negated } = readNegation(sentence!.tokens, lexicon.negation);
  return sentence!.tokens.filter((_, i) => negated[i]).map((t) => t.text.toLowerCase());
}

describe('a negator that names the other value of a label or a choice', () => {
  it.each([
    'Each row is labelled purchase or no purchase within seven days.',
    'The target is fraud or no fraud after the chargeback window.',
    'We compare the ranker with or without the freshness feature.',
  ])('rejects nothing: %s', async (text) => {
    expect(await flaggedWords(text)).toEqual([]);
  });

  it.each([
    ['We use a prior or no smoothing at all.', ['no', 'smoothing']],
    ['Either a prior or no feature store.', ['no', 'feature', 'store']],
  ])('still negates a different noun after "or no": %s', async (text, words) => {
    expect(await flaggedWords(text)).toEqual(expect.arrayContaining(words));
  });
});

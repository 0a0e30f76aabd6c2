import { beforeAll, describe, expect, it } from 'vitest';
import { Lexicon } from '../../src/grading/lexicon.js';
import type { Nlp } from '../../src/grading/nlp.js';
import { tools } from '../grading/helpers.js';

let nlp: Nlp;
beforeAll(async () => {
  ({ nlp } = await tools());
});

describe('a variant written in capitals', () => {
  const small = () => new Lexicon({ synonyms: [['mean average precision', 'MAP'], ['log loss', 'ce']], words: {}, notTypos: [] }, nlp);

  it.each([
    ['MAP', 'mean average precision'],
    ['MAP@10 on the test days', 'mean average precision at k on the test days'],
    ['CE', 'log loss'],
    ['ce', 'log loss'],
  ])('"%s" ≈ "%s"', (a, b) => {
    expect(small().phrase(a)).toEqual(small().phrase(b));
  });

  it.each([
    ['a map of the city'],
    ['Map each user to a shard'],
    ['we map ids to rows'],
  ])('leaves the ordinary word alone: "%s"', (text) => {
    expect(small().phrase(text)).not.toContain(small().phrase('mean average precision')[0]);
  });
});

import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../src/util/closest.js';

const ids = ['ads-click-prediction', 'harmful-content-detection', 'video-recommendations'];

describe('closest ids', () => {
  it.each([
    ['video-recomendations', ['video-recommendations']],
    ['video-recs', ['video-recommendations']],
    ['ads', ['ads-click-prediction']],
    ['harmful', ['harmful-content-detection']],
    ['click-prediction', ['ads-click-prediction']],
  ])('suggests %s → %j', (input, expected) => {
    expect(closest(input, ids)).toEqual(expected);
  });

  it('suggests nothing for an unrelated word', () => {
    expect(closest('kubernetes-autoscaler', ids)).toEqual([]);
  });

  it.each([
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['same', 'same', 0],
    ['flaw', 'lawn', 2],
  ])('edit distance %s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});

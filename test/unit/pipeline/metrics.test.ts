import { describe, expect, it } from 'vitest';
import { auc, dcg, gini, intraListDiversity, ndcg, percentile, summarize } from '../../../src/pipeline/metrics.js';

describe('pipeline metrics', () => {
  it.each([
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95, 10],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 10, 1],
    [[7], 99, 7],
  ])('percentile(%j, %d) = %d (nearest rank)', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });

  it('summarize sorts before taking percentiles', () => {
    const s = summarize([5, 1, 4, 2, 3]);
    expect([s.p50Ms, s.p95Ms, s.p99Ms]).toEqual([3, 5, 5]);
  });

  it.each([
    [[1, 1, 1], [1, 1, 1], 1],
    [[0, 0, 1], [1, 0, 0], 1 / Math.log2(4)],
    [[0, 0, 0], [1, 0, 0], 0],
  ])('ndcg(%j against ideal %j) = %d', (gains, ideal, expected) => {
    expect(ndcg(gains, ideal, 3)).toBeCloseTo(expected, 10);
  });

  it('dcg discounts by log2 of the rank plus one', () => {
    expect(dcg([1, 1], 2)).toBeCloseTo(1 + 1 / Math.log2(3), 10);
  });

  it.each([
    [[1, 2, 3, 4], [0, 0, 1, 1], 1],
    [[4, 3, 2, 1], [0, 0, 1, 1], 0],
    [[1, 1, 1, 1], [0, 1, 0, 1], 0.5],
  ])('auc(%j, %j) = %d', (scores, labels, expected) => {
    expect(auc(scores, labels)).toBeCloseTo(expected, 10);
  });

  it('gini is 0 for equal values and near 1 when one value holds everything', () => {
    expect(gini([5, 5, 5, 5])).toBeCloseTo(0, 10);
    expect(gini([...Array(999).fill(0), 1])).toBeGreaterThan(0.99);
  });

  it('intra-list diversity is 0 for identical vectors and 1 for orthogonal ones', () => {
    const same = new Float32Array([1, 0, 1, 0]);
    const orth = new Float32Array([1, 0, 0, 1]);
    expect(intraListDiversity([0, 1], same, 2)).toBeCloseTo(0, 6);
    expect(intraListDiversity([0, 1], orth, 2)).toBeCloseTo(1, 6);
  });
});

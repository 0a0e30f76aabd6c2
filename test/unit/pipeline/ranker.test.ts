import { describe, expect, it } from 'vitest';
import { examination, simulateLogs, SLATE } from '../../../src/pipeline/clicks.js';
import { FEATURE_COUNT } from '../../../src/pipeline/features.js';
import { createRng } from '../../../src/pipeline/random.js';
import { predict, trainRanker } from '../../../src/pipeline/ranker.js';
import { generateWorld } from '../../../src/pipeline/world.js';

describe('logistic ranker', () => {
  it('recovers the weights that generated the labels', () => {
    const rng = createRng(11);
    const truth = Array.from({ length: FEATURE_COUNT }, (_, f) => (f === 0 ? -1 : ((f % 3) - 1) * 0.8));
    const n = 40_000;
    const rows = new Float64Array(n * FEATURE_COUNT);
    const labels = new Uint8Array(n);
    for (let r = 0; r < n; r++) {
      const x = rows.subarray(r * FEATURE_COUNT, (r + 1) * FEATURE_COUNT);
      x[0] = 1;
      for (let f = 1; f < FEATURE_COUNT; f++) x[f] = rng.normal();
      labels[r] = rng.next() < predict({ weights: truth }, x) ? 1 : 0;
    }
    const model = trainRanker(rows, labels, 8, 0.1);
    model.weights.forEach((w, f) => expect(Math.abs(w - truth[f]!)).toBeLessThan(0.1));
  });
});

describe('click model', () => {
  it('examines lower slots less', () => {
    expect(examination(0)).toBe(1);
    for (let p = 1; p < SLATE; p++) expect(examination(p)).toBeLessThan(examination(p - 1));
  });

  it('produces logs whose click rate falls with position (the bias the ranker must absorb)', () => {
    const world = generateWorld({ items: 5000, users: 600, seed: 4 });
    const logs = simulateLogs(world, Array.from({ length: 600 }, (_, u) => u), 4);
    expect(logs).toHaveLength(600 * SLATE);
    const ctr = (from: number, to: number) => {
      const slice = logs.filter((l) => l.position >= from && l.position < to);
      return slice.filter((l) => l.clicked).length / slice.length;
    };
    expect(ctr(0, 3)).toBeGreaterThan(2 * ctr(15, 20));
  });
});

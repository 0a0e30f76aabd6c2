import { describe, expect, it } from 'vitest';
import { buildAnnIndex, exactTopK } from '../../../src/pipeline/ann.js';
import { drain } from '../../../src/pipeline/embeddings.js';
import { createRng } from '../../../src/pipeline/random.js';
import { normalizeRow } from '../../../src/pipeline/vectors.js';

describe('the index over vectors of different lengths', () => {
  it('finds the largest inner products when most rows have length 1 and a few are up to 3.5 times longer', () => {
    // The shape of the learned embeddings: new videos keep a unit-length content embedding, watched ones grow.
    const dim = 32;
    const rows = 20_000;
    const rng = createRng(5);
    const vectors = new Float32Array(rows * dim);
    for (let i = 0; i < vectors.length; i++) vectors[i] = rng.normal();
    for (let r = 0; r < rows; r++) {
      normalizeRow(vectors, r * dim, dim);
      if (r % 8 === 0) for (let d = 0; d < dim; d++) vectors[r * dim + d]! *= 1 + 2.5 * rng.next();
    }
    const index = drain(buildAnnIndex(vectors, dim, 1));
    let hits = 0;
    let wanted = 0;
    for (let q = 0; q < 40; q++) {
      const query = vectors.slice(q * 47 * dim, (q * 47 + 1) * dim);
      const exact = new Set(exactTopK(vectors, dim, query, 100));
      hits += index.search(query, 100).filter((row) => exact.has(row)).length;
      wanted += 100;
    }
    expect(hits / wanted).toBeGreaterThan(0.95);
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { exactIndex, exactTopK } from '../../../src/pipeline/ann.js';
import { segment, segmentBest, type Asked } from '../../../src/pipeline/evaluate.js';
import { createRng } from '../../../src/pipeline/random.js';
import { simdMatrix } from '../../../src/pipeline/scan.js';
import { utility } from '../../../src/pipeline/truth.js';
import { generateWorld, userHistory } from '../../../src/pipeline/world.js';

const world = generateWorld({ items: 40_000, users: 300, seed: 9 });

/** The segment's best unwatched videos for the user by computing every video's utility. */
function bruteForceBest(member: (i: number) => boolean, a: Asked): number[] {
  const scored: Array<[number, number]> = [];
  for (let i = 0; i < world.itemTopic.length; i++) if (member(i) && !a.watched.has(i)) scored.push([i, utility(world, a.user, i)]);
  return scored.sort((x, y) => y[1] - x[1]).slice(0, a.k).map(([i]) => i);
}

describe('the evaluation scans', () => {
  it('finds each user\'s best videos of a segment exactly as computing every utility does', () => {
    const asked: Asked[] = [3, 50, 120, 299].map((user, j) => ({ user, watched: new Set(userHistory(world, user)), k: [10, 100, 400, 393][j]! }));
    for (const member of [(i: number) => i % 9 !== 0, (i: number) => i % 9 === 0]) {
      const lists = segmentBest(world, segment(world, member), asked);
      lists.forEach((list, j) => {
        expect(list.map(([i]) => i)).toEqual(bruteForceBest(member, asked[j]!));
        for (let x = 1; x < list.length; x++) expect(list[x]![1]).toBeLessThanOrEqual(list[x - 1]![1]);
      });
    }
  });

  it('answers the oracle\'s many queries at once as one query at a time does', () => {
    const rng = createRng(2);
    const dim = 16;
    const rows = Float32Array.from({ length: 30_000 * dim }, () => rng.normal());
    const queries = Array.from({ length: 11 }, () => Float32Array.from({ length: dim }, () => rng.normal()));
    const k = queries.map((_, i) => 5 + 37 * i);
    const many = exactIndex(rows, dim).searchMany!(queries, k);
    queries.forEach((q, i) => expect(many[i]).toEqual(exactTopK(rows, dim, q, k[i]!)));
  });

  it.each([16, 32, 33])('scores %i-dimensional rows with WebAssembly SIMD and finds the same top k as usearch', (dim) => {
    const rng = createRng(dim);
    const rows = 150_000; // more than two blocks of the kernel
    const vectors = Float32Array.from({ length: rows * dim }, () => rng.normal());
    const queries = Array.from({ length: 10 }, () => Float32Array.from({ length: dim }, () => rng.normal()));
    const k = queries.map((_, i) => (i === 3 ? 0 : 1 + 45 * i));
    const found = simdMatrix(vectors, dim).topK(queries, k);
    queries.forEach((q, i) => expect(found[i]).toEqual(k[i] ? exactTopK(vectors, dim, q, k[i]!) : []));
  });

  it('scans only the rows asked for, and stops a query when told no later row can enter its list', () => {
    const rng = createRng(3);
    const dim = 8;
    const vectors = Float32Array.from({ length: 200_000 * dim }, () => rng.normal());
    const query = Float32Array.from({ length: dim }, () => rng.normal());
    const matrix = simdMatrix(vectors, dim);
    const part = vectors.slice(70_000 * dim, 140_000 * dim);
    expect(matrix.topK([query], [50], { from: 70_000, to: 140_000 })[0]).toEqual(exactTopK(part, dim, query, 50).map((r) => r + 70_000));
    const asked: number[] = [];
    const stopped = matrix.topK([query], [50], { stop: (_, row) => (asked.push(row), row >= 65_536) })[0]!;
    expect(asked).toEqual([65_536]);
    expect(stopped).toEqual(exactTopK(vectors.slice(0, 65_536 * dim), dim, query, 50));
  });
});

import { createRequire } from 'node:module';

/** The parts of usearch we use. Its ESM entry recurses forever on import here, so the CJS build is loaded. */
interface UsearchIndex {
  add(keys: BigUint64Array, vectors: Float32Array, threads?: number): void;
  search(vector: Float32Array, k: number, threads?: number): { keys: BigUint64Array; distances: Float32Array };
  save(path: string): void;
  load(path: string): void;
  size(): number;
}
interface Usearch {
  Index: new (config: {
    dimensions: number; metric: string; quantization: string; connectivity: number; expansion_add: number; expansion_search: number;
  }) => UsearchIndex;
  exactSearch(dataset: Float32Array, queries: Float32Array, dim: number, k: number, metric: string, threads?: number): { keys: BigUint64Array };
}

function usearch(): Usearch {
  return createRequire(import.meta.url)('usearch') as Usearch;
}

/**
 * HNSW settings, measured at 1M × 32 (docs/pipeline.md): half-precision vectors keep recall of the top ~400
 * above 0.95 where int8 fell to 0.91, and build faster than float32. efConstruction 96 rather than 64 costs
 * ≈ 25 s more build but gives a graph that reaches recall 0.96 at ef 420 in ≈ 0.8 ms, where the efConstruction
 * 64 graph needed ef 512 and ≈ 1 ms to sit right at 0.95.
 */
export const ANN_CONFIG = { metric: 'ip', quantization: 'f16', connectivity: 16, expansionAdd: 96, expansionSearch: 420 } as const;

export interface AnnIndex {
  search(query: Float32Array, k: number): number[];
  save(path: string): void;
  size(): number;
}

function newIndex(dim: number): UsearchIndex {
  return new (usearch().Index)({
    dimensions: dim,
    metric: ANN_CONFIG.metric,
    quantization: ANN_CONFIG.quantization,
    connectivity: ANN_CONFIG.connectivity,
    expansion_add: ANN_CONFIG.expansionAdd,
    expansion_search: ANN_CONFIG.expansionSearch,
  });
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Row numbers from usearch's 64-bit keys. Rows stay below 2³², so on little-endian machines the low word of each
 * key is the row: reading it skips a BigInt per result, which cost ~0.07 ms of a 1 ms query at k ≈ 400.
 */
export function rowsOf(keys: BigUint64Array): number[] {
  if (!LITTLE_ENDIAN) return Array.from(keys, Number);
  const words = new Uint32Array(keys.buffer, keys.byteOffset, keys.length * 2);
  const rows = new Array<number>(keys.length);
  for (let i = 0; i < keys.length; i++) rows[i] = words[2 * i]!;
  return rows;
}

function wrap(index: UsearchIndex): AnnIndex {
  return {
    search: (query, k) => rowsOf(index.search(query, k, 1).keys),
    save: (path) => index.save(path),
    size: () => index.size(),
  };
}

/** Builds an HNSW index over row-major unit vectors; rows are keyed by their position. */
export function buildAnnIndex(vectors: Float32Array, dim: number, threads: number): AnnIndex {
  const index = newIndex(dim);
  const rows = vectors.length / dim;
  const keys = new BigUint64Array(rows);
  for (let i = 0; i < rows; i++) keys[i] = BigInt(i);
  index.add(keys, vectors, threads);
  return wrap(index);
}

export function loadAnnIndex(path: string, dim: number): AnnIndex {
  const index = newIndex(dim);
  index.load(path);
  return wrap(index);
}

/** The k best rows by inner product, best first, in plain JavaScript (a bounded min-heap): a scan without SIMD. */
export function plainExactTopK(vectors: Float32Array, dim: number, query: Float32Array, k: number): number[] {
  const rows = vectors.length / dim;
  const ids = new Int32Array(k);
  const scores = new Float64Array(k);
  let size = 0;
  for (let i = 0; i < rows; i++) {
    let s = 0;
    const o = i * dim;
    for (let d = 0; d < dim; d++) s += vectors[o + d]! * query[d]!;
    if (size < k) {
      let c = size++;
      while (c > 0 && scores[(c - 1) >> 1]! > s) {
        const p = (c - 1) >> 1;
        ids[c] = ids[p]!;
        scores[c] = scores[p]!;
        c = p;
      }
      ids[c] = i;
      scores[c] = s;
    } else if (s > scores[0]!) {
      let c = 0;
      for (;;) {
        let child = 2 * c + 1;
        if (child >= size) break;
        if (child + 1 < size && scores[child + 1]! < scores[child]!) child++;
        if (scores[child]! >= s) break;
        ids[c] = ids[child]!;
        scores[c] = scores[child]!;
        c = child;
      }
      ids[c] = i;
      scores[c] = s;
    }
  }
  return Array.from(ids.subarray(0, size), (id, j) => [id, scores[j]!] as const).sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

/** Exact top-k by inner product over every row (SIMD brute force, one thread): the baseline the ANN must beat. */
export function exactTopK(vectors: Float32Array, dim: number, query: Float32Array, k: number): number[] {
  // usearch ignores a subarray's byteOffset, so the query must own its buffer.
  const own = query.byteOffset === 0 && query.length === query.buffer.byteLength / 4 ? query : query.slice();
  return rowsOf(usearch().exactSearch(vectors, own, dim, k, ANN_CONFIG.metric, 1).keys);
}

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

function newIndex(dim: number, ef: number = ANN_CONFIG.expansionSearch): UsearchIndex {
  return new (usearch().Index)({
    dimensions: dim,
    metric: ANN_CONFIG.metric,
    quantization: ANN_CONFIG.quantization,
    connectivity: ANN_CONFIG.connectivity,
    expansion_add: ANN_CONFIG.expansionAdd,
    expansion_search: ef,
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

/**
 * Learned item vectors differ in length (popular, well-liked videos grow longer), and a graph index finds
 * the largest inner products poorly when lengths differ. One extra coordinate, √(M² − |v|²), gives every row
 * the same length M without changing any inner product with a query whose extra coordinate is 0; rows are
 * then scaled by 1/M. The index therefore has `dim + 1` dimensions.
 */
export function equalLengthRows(vectors: Float32Array, dim: number): Float32Array {
  const rows = vectors.length / dim;
  let max = 0;
  for (let r = 0; r < rows; r++) {
    let n = 0;
    for (let d = 0; d < dim; d++) n += vectors[r * dim + d]! ** 2;
    if (n > max) max = n;
  }
  const m = Math.sqrt(max) || 1;
  const out = new Float32Array(rows * (dim + 1));
  for (let r = 0; r < rows; r++) {
    let n = 0;
    for (let d = 0; d < dim; d++) {
      const v = vectors[r * dim + d]!;
      out[r * (dim + 1) + d] = v / m;
      n += v * v;
    }
    out[r * (dim + 1) + dim] = Math.sqrt(Math.max(0, max - n)) / m;
  }
  return out;
}

function wrap(index: UsearchIndex, dim: number): AnnIndex {
  const padded = new Float32Array(dim + 1);
  return {
    search: (query, k) => {
      padded.set(query.subarray(0, dim));
      return rowsOf(index.search(padded, k, 1).keys);
    },
    save: (path) => index.save(path),
    size: () => index.size(),
  };
}

/** Rows added to the index per call: small enough that progress moves and Ctrl-C is heard within seconds. */
export const INDEX_CHUNK = 20_000;

/**
 * Builds an HNSW index over row-major vectors, rows keyed by their position, a chunk at a time; yields the
 * rows added so far and returns the index.
 */
export function* buildAnnIndex(vectors: Float32Array, dim: number, threads: number): Generator<number, AnnIndex> {
  const index = newIndex(dim + 1);
  const rows = vectors.length / dim;
  const equal = equalLengthRows(vectors, dim);
  for (let start = 0; start < rows; start += INDEX_CHUNK) {
    const end = Math.min(rows, start + INDEX_CHUNK);
    const keys = new BigUint64Array(end - start);
    for (let i = start; i < end; i++) keys[i - start] = BigInt(i);
    // A copy, not a view: usearch ignores a subarray's byteOffset.
    index.add(keys, equal.slice(start * (dim + 1), end * (dim + 1)), threads);
    yield end;
  }
  return wrap(index, dim);
}

/** Loads a saved index; `ef` is the search depth (candidates kept while walking the graph). */
export function loadAnnIndex(path: string, dim: number, ef?: number): AnnIndex {
  const index = newIndex(dim + 1, ef);
  index.load(path);
  return wrap(index, dim);
}

/** An exact scan behind the index interface: the oracle system retrieves with it, so it has no index error. */
export function exactIndex(vectors: Float32Array, dim: number): AnnIndex {
  return { search: (query, k) => exactTopK(vectors, dim, query, k), save() {}, size: () => vectors.length / dim };
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

import { createRequire } from 'node:module';
import { createRng } from './random.js';
import { simdMatrix, type SimdMatrix } from './scan.js';

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
 * HNSW settings, measured on the learned embeddings of the 1M default world (docs/pipeline.md): half-precision
 * vectors lose nothing measurable against float32 at the boundary of a top ~400. Most rows are content
 * embeddings whose noise is as large as their signal, so a search only as deep as k (≈ 400) found 0.88 of the
 * exact list; a search depth of 1000 finds 0.96. Connectivity 24 with efConstruction 64 finds within 0.003 of
 * what 16 with 96 finds, for a fifth less build.
 */
export const ANN_CONFIG = { metric: 'ip', quantization: 'f16', connectivity: 24, expansionAdd: 64, expansionSearch: 1000 } as const;

export interface AnnIndex {
  search(query: Float32Array, k: number): number[];
  save(path: string): void;
  size(): number;
  /** Per norm group, the length its rows were scaled by (0 for an empty group): needed to load it again. */
  scales?: number[];
  /** Per norm group, its rows: a group's search depth follows its size. */
  sizes?: number[];
  /** Many queries answered at once, faster than one by one, when the index can (the exact scan can). */
  searchMany?(queries: Float32Array[], k: number[]): number[][];
}

/**
 * Upper bounds of the vector lengths in each index group but the last. New videos (their content embedding,
 * length 1) fill the first group; learned vectors spread up to ≈ 3.1. One group from 1.6 to 2.4 crowded its
 * shorter rows together (recall 0.93 of its share at 1M); split at 2.0 the halves reach 0.96 and 0.985.
 */
export const NORM_BOUNDS = [1.05, 1.6, 2.0, 2.4] as const;

/** Group g's file: the first keeps the given name, the others get `-g` before the extension. */
export const groupPath = (path: string, g: number) => (g === 0 ? path : path.replace(/(\.usearch)?$/, `-${g}.usearch`));

function newIndex(dim: number, ef: number): UsearchIndex {
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
 * Learned item vectors differ in length (well-watched videos grow longer), and a graph index finds the
 * largest inner products poorly when lengths differ. One extra coordinate, √(M² − |v|²), gives every row the
 * same length M without changing any inner product with a query whose extra coordinate is 0; rows are then
 * scaled by 1/M. Where lengths differ a lot, that extra coordinate dominates and crowds the rows together
 * (recall 0.47 at 1M in one index), so rows are split into groups of similar length, each indexed on its own.
 */
export function equalLengthRows(vectors: Float32Array, dim: number, rows: ArrayLike<number>): { rows: Float32Array; scale: number } {
  let max = 0;
  for (let r = 0; r < rows.length; r++) {
    let n = 0;
    for (let d = 0; d < dim; d++) n += vectors[rows[r]! * dim + d]! ** 2;
    if (n > max) max = n;
  }
  const m = Math.sqrt(max) || 1;
  const out = new Float32Array(rows.length * (dim + 1));
  for (let r = 0; r < rows.length; r++) {
    let n = 0;
    for (let d = 0; d < dim; d++) {
      const v = vectors[rows[r]! * dim + d]!;
      out[r * (dim + 1) + d] = v / m;
      n += v * v;
    }
    out[r * (dim + 1) + dim] = Math.sqrt(Math.max(0, max - n)) / m;
  }
  return { rows: out, scale: m };
}

interface Group {
  index: UsearchIndex;
  scale: number;
}

/**
 * Search depth per group: `ef` for the largest, and for the others in proportion to their size. usearch never
 * searches shallower than k, so a small group of watched videos is searched about k deep: deep enough for the
 * few of its rows a list needs (recall 0.96–0.99 at 1M), and ≈ 0.4 ms a group where the full depth costs more.
 */
export function groupDepths(sizes: number[], ef: number): number[] {
  const largest = Math.max(1, ...sizes);
  return sizes.map((n) => Math.max(1, Math.round((ef * n) / largest)));
}

/**
 * Rows in an order that puts similar directions next to each other (sorted by the signs of 12 fixed random
 * projections): inserted in that order the graph's recent nodes stay in the CPU caches, which cut the build's
 * CPU time by a fifth at 1M with the same recall, and neighbours end up near each other in memory.
 */
export function localityOrder(vectors: Float32Array, dim: number, rows: ArrayLike<number>): Int32Array {
  const bits = 12;
  const rng = createRng(0x5eed);
  const planes = Float64Array.from({ length: bits * dim }, () => rng.normal());
  const keys = new Int32Array(rows.length);
  const counts = new Int32Array((1 << bits) + 1);
  for (let r = 0; r < rows.length; r++) {
    const o = rows[r]! * dim;
    let key = 0;
    for (let b = 0; b < bits; b++) {
      let s = 0;
      for (let d = 0; d < dim; d++) s += planes[b * dim + d]! * vectors[o + d]!;
      key = (key << 1) | (s > 0 ? 1 : 0);
    }
    keys[r] = key;
    counts[key + 1]!++;
  }
  for (let b = 0; b < 1 << bits; b++) counts[b + 1]! += counts[b]!;
  const out = new Int32Array(rows.length);
  for (let r = 0; r < rows.length; r++) out[counts[keys[r]!]!++] = rows[r]!;
  return out;
}

function wrap(groups: Array<Group | undefined>, dim: number): AnnIndex {
  const padded = new Float32Array(dim + 1);
  const live = groups.filter((g): g is Group => g !== undefined && g.index.size() > 0);
  return {
    search: (query, k) => {
      padded.set(query.subarray(0, dim));
      if (live.length === 1) return rowsOf(live[0]!.index.search(padded, k, 1).keys);
      const lists = live.map((g) => {
        const r = g.index.search(padded, Math.min(k, g.index.size()), 1);
        return { rows: rowsOf(r.keys), distances: r.distances, scale: g.scale };
      });
      // Each list is best first, so a merge takes the k best. usearch's inner-product distance is 1 − dot;
      // undoing the group's scaling makes scores comparable across groups.
      const at = lists.map(() => 0);
      const found: number[] = [];
      while (found.length < k) {
        let pick = -1;
        let best = -Infinity;
        lists.forEach((l, i) => {
          if (at[i]! < l.rows.length && (1 - l.distances[at[i]!]!) * l.scale > best) {
            best = (1 - l.distances[at[i]!]!) * l.scale;
            pick = i;
          }
        });
        if (pick < 0) break;
        found.push(lists[pick]!.rows[at[pick]!++]!);
      }
      return found;
    },
    save: (path) => groups.forEach((g, i) => g?.index.save(groupPath(path, i))),
    size: () => live.reduce((n, g) => n + g.index.size(), 0),
    scales: groups.map((g) => g?.scale ?? 0),
    sizes: groups.map((g) => g?.index.size() ?? 0),
  };
}

/** Rows added to the index per call: small enough that progress moves and Ctrl-C is heard within seconds. */
export const INDEX_CHUNK = 20_000;

/**
 * Builds the HNSW indexes over row-major vectors (one per length group, rows keyed by their position), a chunk
 * at a time; yields the rows added so far and returns the index, searching at depth `ef`.
 */
export function* buildAnnIndex(vectors: Float32Array, dim: number, threads: number, ef: number = ANN_CONFIG.expansionSearch): Generator<number, AnnIndex> {
  const total = vectors.length / dim;
  const members: number[][] = Array.from({ length: NORM_BOUNDS.length + 1 }, () => []);
  for (let i = 0; i < total; i++) {
    let n = 0;
    for (let d = 0; d < dim; d++) n += vectors[i * dim + d]! ** 2;
    const len = Math.sqrt(n);
    let g = NORM_BOUNDS.findIndex((bound) => len <= bound);
    if (g < 0) g = NORM_BOUNDS.length;
    members[g]!.push(i);
  }
  let done = 0;
  const depths = groupDepths(members.map((m) => m.length), ef);
  const groups: Array<Group | undefined> = [];
  for (const [g, inGroup] of members.entries()) {
    if (!inGroup.length) {
      groups.push(undefined);
      continue;
    }
    const rows = localityOrder(vectors, dim, inGroup);
    const index = newIndex(dim + 1, depths[g]!);
    const equal = equalLengthRows(vectors, dim, rows);
    for (let start = 0; start < rows.length; start += INDEX_CHUNK) {
      const end = Math.min(rows.length, start + INDEX_CHUNK);
      const keys = new BigUint64Array(end - start);
      for (let i = start; i < end; i++) keys[i - start] = BigInt(rows[i]!);
      // A copy, not a view: usearch ignores a subarray's byteOffset.
      index.add(keys, equal.rows.slice(start * (dim + 1), end * (dim + 1)), threads);
      yield (done += end - start);
    }
    groups.push({ index, scale: equal.scale });
  }
  return wrap(groups, dim);
}

/**
 * Loads saved indexes; `scales` and `sizes` come from the build (without sizes every group is searched at
 * depth `ef`), `ef` is the search depth (videos kept in view) of the largest group.
 */
export function loadAnnIndex(path: string, dim: number, scales: number[], ef: number = ANN_CONFIG.expansionSearch, sizes?: number[]): AnnIndex {
  const depths = sizes?.length === scales.length ? groupDepths(sizes, ef) : scales.map(() => ef);
  return wrap(scales.map((scale, g) => {
    if (scale === 0) return undefined;
    const index = newIndex(dim + 1, depths[g]!);
    index.load(groupPath(path, g));
    return { index, scale };
  }), dim);
}

/** An exact scan behind the index interface: the oracle system retrieves with it, so it has no index error. */
export function exactIndex(vectors: Float32Array, dim: number): AnnIndex {
  let simd: SimdMatrix | undefined;
  return {
    search: (query, k) => exactTopK(vectors, dim, query, k),
    searchMany: (queries, k) => (simd ??= simdMatrix(vectors, dim)).topK(queries, k),
    save() {},
    size: () => vectors.length / dim,
  };
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

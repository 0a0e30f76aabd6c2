/**
 * Exact inner-product top-k with WebAssembly SIMD, for the evaluation's untimed scans (the timed exact-scan
 * baseline stays usearch's). usearch's brute force costs ≈ 21 ns per row and query at 1M rows: a call per row
 * through its thread pool, then every distance stored, transposed and partially sorted. Here a small kernel
 * scores a block of rows against up to 8 queries, four lanes at a time (≈ 3 ns per row and query), and a running
 * threshold per query lets all but a few hundred rows pass with one comparison.
 */

/** The WebAssembly globals used: TypeScript declares them only in its DOM library, which this project leaves out. */
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
};
interface WasmMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}

const leb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
/** Signed LEB128, as `i32.const` reads its operand. */
const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) return [...out, b];
    out.push(b | 0x80);
  }
};
const section = (id: number, body: number[]) => [id, ...leb(body.length), ...body];
const name = (s: string) => [...leb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];

/**
 * The module: one exported memory and `scores(rows, count, queries, nq, out)`, which writes row r · query q to
 * the f32 at out + 4 (q × count + r) for `count` rows of `lanes` × 4 floats from address `rows` and `nq`
 * queries of the same width from `queries`. The loop over a row's lanes is unrolled (memory offsets 0, 16, …).
 */
function scoresModule(lanes: number): Uint8Array {
  const [ROWS, COUNT, QUERIES, NQ, OUT, R, Q, RP, QP, OP, ACC] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const get = (i: number) => [0x20, i];
  const set = (i: number) => [0x21, i];
  const i32 = (n: number) => [0x41, ...sleb(n)];
  const add = [0x6a];
  const shl = [0x74];
  const geU = [0x4f];
  const brIf = (depth: number) => [0x0d, depth];
  const blockLoop = [0x02, 0x40, 0x03, 0x40];
  const endLoop = [0x0c, 0, 0x0b, 0x0b]; // br 0 (next round), end loop, end block
  const load = (offset: number) => [0xfd, 0x00, 4, ...leb(offset)]; // v128.load, 16-byte aligned
  const mul = [0xfd, ...leb(230)]; // f32x4.mul
  const addLanes = [0xfd, ...leb(228)]; // f32x4.add
  const lane = (l: number) => [0xfd, 0x1f, l]; // f32x4.extract_lane
  const f32Add = [0x92];
  const f32Store = [0x38, 2, 0];
  const stride = lanes * 16;
  const dot = [get(RP), load(0), get(QP), load(0), mul];
  for (let l = 1; l < lanes; l++) dot.push(get(RP), load(16 * l), get(QP), load(16 * l), mul, addLanes);
  const body = [
    [0x02, 0x05, 0x7f, 0x01, 0x7b], // locals: five i32 (r, q, rp, qp, op), one v128 (acc)
    get(ROWS), set(RP), i32(0), set(R),
    blockLoop,
    get(R), get(COUNT), geU, brIf(1),
    i32(0), set(Q), get(QUERIES), set(QP), get(OUT), get(R), i32(2), shl, add, set(OP),
    blockLoop,
    get(Q), get(NQ), geU, brIf(1),
    ...dot, set(ACC),
    get(OP), get(ACC), lane(0), get(ACC), lane(1), f32Add, get(ACC), lane(2), f32Add, get(ACC), lane(3), f32Add, f32Store,
    get(OP), get(COUNT), i32(2), shl, add, set(OP),
    get(QP), i32(stride), add, set(QP),
    get(Q), i32(1), add, set(Q),
    endLoop,
    get(RP), i32(stride), add, set(RP),
    get(R), i32(1), add, set(R),
    endLoop,
    [0x0b],
  ].flat(2);
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 5, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0]),
    ...section(3, [1, 0]),
    ...section(5, [1, 0x00, 1]),
    ...section(7, [2, ...name('mem'), 0x02, 0, ...name('scores'), 0x00, 0]),
    ...section(10, [1, ...leb(body.length), ...body]),
  ]);
}

const BATCH = 8;
/** Rows scored per kernel call: the scores (8 × 64k floats, 2 MB) stay in the CPU's caches. */
const BLOCK = 65_536;

export interface ScanOptions {
  /** Rows [from, to) only; the whole matrix by default. */
  from?: number;
  to?: number;
  /**
   * Asked before each block for a query whose list is full: true ends that query's scan, as when no row from
   * `row` on can beat `kth`, the lowest score in its list.
   */
  stop?: (query: number, row: number, kth: number) => boolean;
}

export interface SimdMatrix {
  rows: number;
  /** For each query (each with its own k), the k rows of largest inner product, best first. */
  topK(queries: Float32Array[], k: number[], options?: ScanOptions): number[][];
}

/** Copies row-major vectors into a WebAssembly memory, each row padded with zeros to a multiple of 4 floats. */
export function simdMatrix(vectors: Float32Array, dim: number): SimdMatrix {
  const lanes = Math.ceil(dim / 4);
  const width = lanes * 4;
  const rows = vectors.length / dim;
  const { exports } = new WebAssembly.Instance(new WebAssembly.Module(scoresModule(lanes)), {});
  const memory = exports.mem as WasmMemory;
  const scores = exports.scores as (rows: number, count: number, queries: number, nq: number, out: number) => void;
  const queryAt = rows * width * 4;
  const outAt = queryAt + BATCH * width * 4;
  const bytes = outAt + BATCH * BLOCK * 4;
  memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / 65_536));
  const heap = new Float32Array(memory.buffer);
  if (width === dim) heap.set(vectors);
  else for (let r = 0; r < rows; r++) heap.set(vectors.subarray(r * dim, (r + 1) * dim), r * width);

  return {
    rows,
    topK(queries, k, options = {}) {
      const from = options.from ?? 0;
      const to = options.to ?? rows;
      const out: number[][] = [];
      for (let start = 0; start < queries.length; start += BATCH) {
        const batch = queries.slice(start, start + BATCH);
        heap.fill(0, queryAt / 4, queryAt / 4 + BATCH * width);
        batch.forEach((q, i) => heap.set(q.subarray(0, dim), queryAt / 4 + i * width));
        const lists = batch.map((_, i) => new TopK(Math.min(k[start + i]!, to - from)));
        const open = batch.map(() => true);
        for (let block = from; block < to; block += BLOCK) {
          lists.forEach((list, i) => {
            if (open[i] && list.full() && options.stop?.(start + i, block, list.lowest())) open[i] = false;
          });
          if (!open.includes(true)) break;
          const count = Math.min(BLOCK, to - block);
          scores(block * width * 4, count, queryAt, batch.length, outAt);
          lists.forEach((list, i) => {
            if (open[i]) list.offer(heap, outAt / 4 + i * count, count, block);
          });
        }
        out.push(...lists.map((l) => l.best()));
      }
      return out;
    },
  };
}

/** The k largest scores seen, as a min-heap, so a score below the k-th best costs one comparison. */
class TopK {
  private readonly rows: Int32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(private readonly k: number) {
    this.rows = new Int32Array(k);
    this.scores = new Float64Array(k);
  }

  full(): boolean {
    return this.size === this.k;
  }

  lowest(): number {
    return this.scores[0]!;
  }

  /** Offers `count` scores from `values[at…]`, the first being row `firstRow`. */
  offer(values: Float32Array, at: number, count: number, firstRow: number): void {
    let i = 0;
    for (; i < count && this.size < this.k; i++) this.push(firstRow + i, values[at + i]!);
    if (this.k === 0) return;
    let lowest = this.scores[0]!;
    for (; i < count; i++) {
      const s = values[at + i]!;
      if (s > lowest) {
        this.replaceLowest(firstRow + i, s);
        lowest = this.scores[0]!;
      }
    }
  }

  /** Rows best first; equal scores in row order. */
  best(): number[] {
    const order = Array.from({ length: this.size }, (_, i) => i);
    order.sort((a, b) => this.scores[b]! - this.scores[a]! || this.rows[a]! - this.rows[b]!);
    return order.map((i) => this.rows[i]!);
  }

  private push(row: number, s: number): void {
    let c = this.size++;
    while (c > 0 && this.scores[(c - 1) >> 1]! > s) {
      const p = (c - 1) >> 1;
      this.rows[c] = this.rows[p]!;
      this.scores[c] = this.scores[p]!;
      c = p;
    }
    this.rows[c] = row;
    this.scores[c] = s;
  }

  private replaceLowest(row: number, s: number): void {
    let c = 0;
    for (;;) {
      let child = 2 * c + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.scores[child + 1]! < this.scores[child]!) child++;
      if (this.scores[child]! >= s) break;
      this.rows[c] = this.rows[child]!;
      this.scores[c] = this.scores[child]!;
      c = child;
    }
    this.rows[c] = row;
    this.scores[c] = s;
  }
}

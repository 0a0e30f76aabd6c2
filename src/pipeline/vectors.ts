/** Dense helpers over flat Float32Array matrices (row-major, `dim` columns). */
export function dot(a: Float32Array, aOffset: number, b: Float32Array, bOffset: number, dim: number): number {
  let s = 0;
  for (let d = 0; d < dim; d++) s += a[aOffset + d]! * b[bOffset + d]!;
  return s;
}

export function normalizeRow(m: Float32Array, offset: number, dim: number): void {
  let n = 0;
  for (let d = 0; d < dim; d++) n += m[offset + d]! * m[offset + d]!;
  const inv = n > 0 ? 1 / Math.sqrt(n) : 0;
  for (let d = 0; d < dim; d++) m[offset + d]! *= inv;
}

/** The k largest scores as indices, best first; a bounded min-heap so one pass over n stays O(n log k). */
export class TopK {
  private readonly ids: Int32Array;
  private readonly scores: Float64Array;
  size = 0;

  constructor(private readonly k: number) {
    this.ids = new Int32Array(k);
    this.scores = new Float64Array(k);
  }

  /** The score a newcomer must beat once the heap is full. */
  get floor(): number {
    return this.size < this.k ? -Infinity : this.scores[0]!;
  }

  push(id: number, score: number): void {
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (this.scores[p]! <= score) break;
        this.ids[i] = this.ids[p]!;
        this.scores[i] = this.scores[p]!;
        i = p;
      }
      this.ids[i] = id;
      this.scores[i] = score;
      return;
    }
    if (score <= this.scores[0]!) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const c = r < this.size && this.scores[r]! < this.scores[l]! ? r : l;
      if (this.scores[c]! >= score) break;
      this.ids[i] = this.ids[c]!;
      this.scores[i] = this.scores[c]!;
      i = c;
    }
    this.ids[i] = id;
    this.scores[i] = score;
  }

  /** Indices, best first. */
  sorted(): number[] {
    const order = Array.from({ length: this.size }, (_, i) => i).sort((a, b) => this.scores[b]! - this.scores[a]!);
    return order.map((i) => this.ids[i]!);
  }
}

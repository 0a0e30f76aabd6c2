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

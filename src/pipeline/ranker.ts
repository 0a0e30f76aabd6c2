import { FEATURE_COUNT, FEATURE_NAMES } from './features.js';

export interface RankerModel {
  weights: number[];
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function predict(model: RankerModel, x: Float64Array): number {
  let z = 0;
  for (let f = 0; f < FEATURE_COUNT; f++) z += model.weights[f]! * x[f]!;
  return sigmoid(z);
}

/** Solves the small symmetric system A·x = b by Gaussian elimination with partial pivoting. */
function solve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const m = Float64Array.from(a);
  const x = Float64Array.from(b);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r * n + c]!) > Math.abs(m[pivot * n + c]!)) pivot = r;
    if (pivot !== c) {
      for (let k = 0; k < n; k++) [m[c * n + k], m[pivot * n + k]] = [m[pivot * n + k]!, m[c * n + k]!];
      [x[c], x[pivot]] = [x[pivot]!, x[c]!];
    }
    const d = m[c * n + c]!;
    for (let r = c + 1; r < n; r++) {
      const f = m[r * n + c]! / d;
      if (f === 0) continue;
      for (let k = c; k < n; k++) m[r * n + k]! -= f * m[c * n + k]!;
      x[r]! -= f * x[c]!;
    }
  }
  for (let c = n - 1; c >= 0; c--) {
    let s = x[c]!;
    for (let k = c + 1; k < n; k++) s -= m[c * n + k]! * x[k]!;
    x[c] = s / m[c * n + c]!;
  }
  return x;
}

/**
 * L2-regularised logistic regression fitted by Newton's method: with eleven features each step is one pass
 * over the rows plus an 11×11 solve, so it converges in a handful of passes.
 */
export function trainRanker(rows: Float64Array, labels: Uint8Array, iterations = 8, l2 = 1): RankerModel {
  const n = FEATURE_COUNT;
  const count = labels.length;
  const w = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    const grad = new Float64Array(n);
    const hess = new Float64Array(n * n);
    for (let r = 0; r < count; r++) {
      const o = r * n;
      let z = 0;
      for (let f = 0; f < n; f++) z += w[f]! * rows[o + f]!;
      const p = sigmoid(z);
      const e = p - labels[r]!;
      const s = p * (1 - p);
      for (let f = 0; f < n; f++) {
        const xf = rows[o + f]!;
        grad[f]! += e * xf;
        const sx = s * xf;
        for (let g = f; g < n; g++) hess[f * n + g]! += sx * rows[o + g]!;
      }
    }
    for (let f = 0; f < n; f++) {
      grad[f]! += l2 * w[f]!;
      hess[f * n + f]! += l2;
      for (let g = 0; g < f; g++) hess[f * n + g] = hess[g * n + f]!;
    }
    const step = solve(hess, grad, n);
    for (let f = 0; f < n; f++) w[f]! -= step[f]!;
  }
  return { weights: [...w] };
}

/** What each feature added to the ranker's score for one video (weight × value), largest effect first. */
export function contributions(model: RankerModel, x: Float64Array): Array<{ feature: string; value: number }> {
  return FEATURE_NAMES.map((feature, f) => ({ feature, value: model.weights[f]! * x[f]! }))
    .filter((c) => c.feature !== 'bias' && c.feature !== 'position')
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
}

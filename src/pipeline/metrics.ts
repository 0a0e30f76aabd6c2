import { dot } from './vectors.js';

/** Nearest-rank percentile of already sorted values. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export interface Percentiles {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

export function summarize(values: number[]): Percentiles {
  const sorted = Float64Array.from(values).sort();
  return { p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95), p99Ms: percentile(sorted, 99) };
}

export function median(values: number[]): number {
  return percentile(Float64Array.from(values).sort(), 50);
}

export function dcg(gains: number[], k: number): number {
  let s = 0;
  for (let i = 0; i < Math.min(k, gains.length); i++) s += gains[i]! / Math.log2(i + 2);
  return s;
}

/** NDCG@k of a ranked list given the best achievable gains (sorted high to low). */
export function ndcg(gains: number[], idealGains: number[], k: number): number {
  const ideal = dcg(idealGains, k);
  return ideal > 0 ? dcg(gains, k) / ideal : 0;
}

/** Mean pairwise cosine distance of the items' (unit) embeddings: 0 = all alike. */
export function intraListDiversity(items: number[], embeddings: Float32Array, dim: number): number {
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < items.length; a++) {
    for (let b = a + 1; b < items.length; b++) {
      sum += 1 - dot(embeddings, items[a]! * dim, embeddings, items[b]! * dim, dim);
      pairs++;
    }
  }
  return pairs ? sum / pairs : 0;
}

/** Gini coefficient of non-negative values: 0 = equal, 1 = one holds everything. */
export function gini(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let weighted = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    weighted += (i + 1) * sorted[i]!;
    total += sorted[i]!;
  }
  return total > 0 ? (2 * weighted) / (n * total) - (n + 1) / n : 0;
}

/** Area under the ROC curve: the chance a random positive outscores a random negative (ties count half). */
export function auc(scores: number[], labels: number[]): number {
  const order = scores.map((s, i) => [s, labels[i]!] as const).sort((a, b) => a[0] - b[0]);
  let positives = 0;
  let rankSum = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j < order.length && order[j]![0] === order[i]![0]) j++;
    const avgRank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) if (order[k]![1] > 0) { positives++; rankSum += avgRank; }
    i = j;
  }
  const negatives = order.length - positives;
  if (!positives || !negatives) return 0.5;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

import type { Impression } from './clicks.js';
import { createRng } from './random.js';
import { historyMeans } from './offline.js';
import { userHistory, type Observed } from './world.js';

/**
 * Matrix factorisation with sampled negatives, the simplest two-tower model: a user tower that is a free vector
 * per user and an item tower that starts from the content embedding and learns a correction. A new video (too
 * few interactions to learn from) falls back to its content embedding.
 */
export const EMBEDDING_TRAINING = {
  epochs: 4,
  /** Negatives drawn per positive. */
  negatives: 4,
  /** Share of negatives drawn in proportion to interactions (the rest uniformly): corrects popularity bias. */
  popularNegatives: 0.5,
  learningRate: 0.05,
  /** Items move slower than users: each has few interactions, and its content embedding is already informative. */
  itemLearningRate: 0.05,
  l2: 0.02,
  /** Sharpens the logistic loss on dot products of unit-length vectors, which stay within ±1. */
  scale: 6,
  /** Videos with fewer logged interactions keep their content embedding (the cold-start fallback). */
  minInteractions: 3,
} as const;

export interface RetrievalModel {
  /** Row-major item vectors the index is built over. */
  items: Float32Array;
  /** Row-major user vectors (the user tower's output, cached offline). */
  users: Float32Array;
  /** Logged interactions per video; below `minInteractions` it is served by its content embedding. */
  interactions: Int32Array;
}

export interface Interactions {
  users: Int32Array;
  items: Int32Array;
}

/** Every watched video and every clicked impression is a positive (user, video) pair. */
export function interactionsOf(observed: Pick<Observed, 'history' | 'historyOffsets' | 'params'>, clicks: Impression[]): Interactions {
  const users: number[] = [];
  const items: number[] = [];
  for (let u = 0; u < observed.params.users; u++) {
    for (const item of userHistory(observed, u)) {
      users.push(u);
      items.push(item);
    }
  }
  for (const c of clicks) {
    if (!c.clicked) continue;
    users.push(c.user);
    items.push(c.item);
  }
  return { users: Int32Array.from(users), items: Int32Array.from(items) };
}

export function isCold(model: Pick<RetrievalModel, 'interactions'>, item: number): boolean {
  return model.interactions[item]! < EMBEDDING_TRAINING.minInteractions;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Trains the retrieval embeddings by stochastic gradient descent; yields the number of pairs done so far
 * (of `epochs × pairs`) so the caller can show progress and stay responsive, and returns the model.
 */
export function* trainRetrieval(
  observed: Pick<Observed, 'itemContent' | 'dim' | 'params' | 'history' | 'historyOffsets'>,
  pairs: Interactions,
  seed: number,
  settings: Partial<typeof EMBEDDING_TRAINING> = {},
): Generator<number, RetrievalModel> {
  const { dim, itemContent } = observed;
  const { epochs, negatives, popularNegatives, learningRate: lr, itemLearningRate: itemLr, l2, scale, minInteractions } = { ...EMBEDDING_TRAINING, ...settings };
  const itemCount = itemContent.length / dim;
  const rng = createRng(seed ^ 0x2a7e);
  const interactions = new Int32Array(itemCount);
  for (const i of pairs.items) interactions[i]!++;

  // Per video, its content embedding then its correction, side by side: a step reads one run of memory
  // instead of two rows far apart (most steps touch a video no recent step touched: a cache miss each).
  const width = 2 * dim;
  const state = new Float32Array(itemCount * width);
  for (let i = 0; i < itemCount; i++) state.set(itemContent.subarray(i * dim, (i + 1) * dim), i * width);
  const users = historyMeans(observed, itemContent);

  const n = pairs.users.length;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const gu = new Float32Array(dim);
  const step = (u: number, i: number, label: number, uo: number) => {
    const io = i * width;
    const co = io + dim;
    let x = 0;
    for (let d = 0; d < dim; d++) x += users[uo + d]! * (state[io + d]! + state[co + d]!);
    const g = scale * (sigmoid(scale * x) - label);
    for (let d = 0; d < dim; d++) {
      const item = state[io + d]! + state[co + d]!;
      gu[d]! += g * item;
      state[co + d]! -= itemLr * (g * users[uo + d]! + l2 * state[co + d]!);
    }
    return u;
  };
  const chunk = 50_000;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    for (let start = 0; start < n; start += chunk) {
      for (let p = start; p < Math.min(n, start + chunk); p++) {
        const r = order[p]!;
        const u = pairs.users[r]!;
        const uo = u * dim;
        gu.fill(0);
        step(u, pairs.items[r]!, 1, uo);
        for (let k = 0; k < negatives; k++) {
          const j = rng.next() >= popularNegatives ? rng.int(itemCount) : pairs.items[rng.int(n)]!;
          if (j !== pairs.items[r]) step(u, j, 0, uo);
        }
        for (let d = 0; d < dim; d++) users[uo + d]! -= lr * (gu[d]! + l2 * users[uo + d]!);
      }
      yield epoch * n + Math.min(n, start + chunk);
    }
  }

  const items = Float32Array.from(itemContent);
  for (let i = 0; i < itemCount; i++) {
    if (interactions[i]! < minInteractions) continue;
    for (let d = 0; d < dim; d++) items[i * dim + d]! += state[i * width + dim + d]!;
  }
  return { items, users, interactions };
}

/** Runs a generator to its end (for callers that need no progress). */
export function drain<T>(gen: Generator<unknown, T>): T {
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
  }
}

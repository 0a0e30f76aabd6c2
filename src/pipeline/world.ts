import { createRng, sampleCumulative, type Rng } from './random.js';
import { gain } from './truth.js';
import { dot, normalizeRow } from './vectors.js';

export interface WorldParams {
  items: number;
  users: number;
  seed: number;
  /**
   * How blurred the content model's view of a video is: the content embedding is the true one plus Gaussian
   * noise of this size (relative to the unit vector), normalised. 0 = the content model sees the truth.
   */
  contentNoise?: number;
}

export const DEFAULT_CONTENT_NOISE = 0.8;

/** Embedding width: 32 keeps the index build inside the first-run budget (see docs/pipeline.md). */
export const DIM = 32;
export const TOPICS = 100;
/** Draws a user looks at before settling on one video to watch. */
const WATCH_ATTEMPTS = 6;

/**
 * The synthetic world as flat typed arrays. `itemEmbedding`, `itemQuality` and `userTaste` are the hidden
 * ground truth: they feed the click model and the evaluation, never the system being built.
 */
export interface World {
  params: WorldParams;
  dim: number;
  topics: number;
  creators: number;
  /** Hidden: the video's true position in taste space. */
  itemEmbedding: Float32Array;
  /** What a content model (title, frames, audio) makes of the video: the truth seen through noise. */
  itemContent: Float32Array;
  itemTopic: Uint16Array;
  itemCreator: Int32Array;
  itemAgeDays: Float32Array;
  itemDurationSec: Float32Array;
  itemViews: Float32Array;
  /** What users' ratings reveal about quality: the truth plus noise that shrinks with views. */
  itemRating: Float32Array;
  /** Hidden. */
  itemQuality: Float32Array;
  /** Hidden. */
  userTaste: Float32Array;
  historyOffsets: Int32Array;
  history: Int32Array;
  followOffsets: Int32Array;
  follows: Int32Array;
}

/** Field names of World that hold typed arrays, in the order they are cached. */
export const WORLD_ARRAYS = [
  'itemEmbedding', 'itemContent', 'itemTopic', 'itemCreator', 'itemAgeDays', 'itemDurationSec', 'itemViews', 'itemRating',
  'itemQuality', 'userTaste', 'historyOffsets', 'history', 'followOffsets', 'follows',
] as const;

/** The fields only the simulation (clicks, evaluation) may read. */
export const HIDDEN_FIELDS = ['itemEmbedding', 'itemQuality', 'userTaste'] as const;
export type HiddenField = (typeof HIDDEN_FIELDS)[number];

/** What the system being built may know: logs, metadata and content, none of the hidden truth. */
export type Observed = Omit<World, HiddenField>;

/** The world without its hidden fields (a new object: the truth is not reachable through it). */
export function observe(world: World): Observed {
  const hidden = new Set<string>(HIDDEN_FIELDS);
  return Object.fromEntries(Object.keys(world).filter((k) => !hidden.has(k)).map((k) => [k, world[k as keyof World]])) as Observed;
}

interface TopicIndex {
  /** Item ids grouped by topic. */
  order: Int32Array;
  /** order[offsets[t] .. offsets[t+1]) are topic t's items. */
  offsets: Int32Array;
  /** Running sum of views along `order`, for popularity-weighted draws within a topic. */
  cumulativeViews: Float64Array;
}

export function topicIndex(itemTopic: Uint16Array, itemViews: Float32Array, topics: number): TopicIndex {
  const offsets = new Int32Array(topics + 1);
  for (let i = 0; i < itemTopic.length; i++) offsets[itemTopic[i]! + 1]!++;
  for (let t = 0; t < topics; t++) offsets[t + 1]! += offsets[t]!;
  const fill = offsets.slice(0, topics);
  const order = new Int32Array(itemTopic.length);
  for (let i = 0; i < itemTopic.length; i++) order[fill[itemTopic[i]!]!++] = i;
  const cumulativeViews = new Float64Array(order.length);
  let sum = 0;
  for (let k = 0; k < order.length; k++) cumulativeViews[k] = sum += itemViews[order[k]!]!;
  return { order, offsets, cumulativeViews };
}

function cumulative(weights: number[]): Float64Array {
  const c = new Float64Array(weights.length);
  let s = 0;
  weights.forEach((w, i) => (c[i] = s += w));
  return c;
}

function randomUnitRows(rows: number, dim: number, rng: Rng): Float32Array {
  const m = new Float32Array(rows * dim);
  for (let i = 0; i < m.length; i++) m[i] = rng.normal();
  for (let r = 0; r < rows; r++) normalizeRow(m, r * dim, dim);
  return m;
}

/**
 * The content model's embeddings: each true vector plus noise, normalised. Drawn from their own stream so the
 * rest of the world is the same whatever the noise.
 */
export function contentEmbeddings(truth: Float32Array, dim: number, noise: number, seed: number): Float32Array {
  const rng = createRng(seed ^ 0xc0de);
  const scale = noise / Math.sqrt(dim);
  const out = new Float32Array(truth.length);
  for (let i = 0; i < out.length; i++) out[i] = truth[i]! + scale * rng.normal();
  for (let o = 0; o < out.length; o += dim) normalizeRow(out, o, dim);
  return out;
}

/** Builds the catalogue, the users and their watch histories, all from `params.seed`. */
export function generateWorld(params: WorldParams): World {
  const { items, users } = params;
  const rng = createRng(params.seed);
  const dim = DIM;
  const topics = TOPICS;
  const centroids = randomUnitRows(topics, dim, rng);
  const topicCum = cumulative(Array.from({ length: topics }, (_, t) => 1 / (t + 5)));
  const creatorsPerTopic = Math.max(10, Math.round(items / 50 / topics));
  const creators = creatorsPerTopic * topics;

  const itemEmbedding = new Float32Array(items * dim);
  const itemTopic = new Uint16Array(items);
  const itemCreator = new Int32Array(items);
  const itemAgeDays = new Float32Array(items);
  const itemDurationSec = new Float32Array(items);
  const itemViews = new Float32Array(items);
  const itemRating = new Float32Array(items);
  const itemQuality = new Float32Array(items);
  for (let i = 0; i < items; i++) {
    const t = sampleCumulative(topicCum, 0, topics, rng);
    const second = rng.int(topics);
    const w = 0.65 + 0.3 * rng.next();
    const o = i * dim;
    for (let d = 0; d < dim; d++) {
      itemEmbedding[o + d] = w * centroids[t * dim + d]! + (1 - w) * centroids[second * dim + d]! + 0.1 * rng.normal();
    }
    normalizeRow(itemEmbedding, o, dim);
    itemTopic[i] = t;
    itemCreator[i] = t + topics * rng.int(creatorsPerTopic);
    const q = rng.normal();
    itemQuality[i] = q;
    const age = -Math.log(1 - rng.next()) * 180;
    itemAgeDays[i] = age;
    itemDurationSec[i] = Math.exp(5.5 + 0.8 * rng.normal());
    const ramp = Math.sqrt(Math.min(1, (age + 0.1) / 30));
    const views = 100 * Math.exp(0.8 * q + 1.9 * rng.normal()) * ramp;
    itemViews[i] = Math.max(1, Math.round(views));
    itemRating[i] = q + rng.normal() * (1.5 / Math.sqrt(1 + Math.log1p(itemViews[i]!)));
  }

  const itemContent = contentEmbeddings(itemEmbedding, dim, params.contentNoise ?? DEFAULT_CONTENT_NOISE, params.seed);
  const index = topicIndex(itemTopic, itemViews, topics);
  const globalCum = new Float64Array(items);
  let vs = 0;
  for (let i = 0; i < items; i++) globalCum[i] = vs += itemViews[i]!;

  const userTaste = new Float32Array(users * dim);
  const historyOffsets = new Int32Array(users + 1);
  const followOffsets = new Int32Array(users + 1);
  const historyParts: number[] = [];
  const followParts: number[] = [];
  for (let u = 0; u < users; u++) {
    const k = 1 + rng.int(3);
    const interests = Array.from({ length: k }, () => sampleCumulative(topicCum, 0, topics, rng));
    const weights = interests.map(() => 0.2 + rng.next());
    const o = u * dim;
    for (let d = 0; d < dim; d++) {
      let s = 0.08 * rng.normal();
      for (let j = 0; j < k; j++) s += weights[j]! * centroids[interests[j]! * dim + d]!;
      userTaste[o + d] = s;
    }
    normalizeRow(userTaste, o, dim);
    const interestCum = cumulative(weights);
    const length = 5 + rng.int(36);
    const seen = new Set<number>();
    for (let h = 0; h < length; h++) {
      let item = -1;
      // People browse what is popular in their topics but watch what they like: a draw is kept with the
      // chance the user values it, so the logs carry taste, not only popularity.
      for (let attempt = 0; attempt < WATCH_ATTEMPTS && item < 0; attempt++) {
        let drawn: number;
        if (rng.next() < 0.2) {
          drawn = sampleCumulative(globalCum, 0, items, rng);
        } else {
          const t = interests[sampleCumulative(interestCum, 0, k, rng)]!;
          const from = index.offsets[t]!;
          const to = index.offsets[t + 1]!;
          if (to === from) continue;
          drawn = index.order[sampleCumulative(index.cumulativeViews, from, to, rng)]!;
        }
        const u = dot(userTaste, o, itemEmbedding, drawn * dim, dim) + 0.25 * itemQuality[drawn]!;
        if (attempt === WATCH_ATTEMPTS - 1 || rng.next() < gain(u)) item = drawn;
      }
      if (item < 0) continue;
      if (!seen.has(item)) {
        seen.add(item);
        historyParts.push(item);
      }
    }
    historyOffsets[u + 1] = historyParts.length;
    const watched = [...seen];
    const followCount = Math.min(watched.length, rng.int(5));
    const followed = new Set<number>();
    for (let f = 0; f < followCount; f++) followed.add(itemCreator[watched[rng.int(watched.length)]!]!);
    followParts.push(...followed);
    followOffsets[u + 1] = followParts.length;
  }

  return {
    params, dim, topics, creators,
    itemEmbedding, itemContent, itemTopic, itemCreator, itemAgeDays, itemDurationSec, itemViews, itemRating, itemQuality,
    userTaste, historyOffsets, history: Int32Array.from(historyParts), followOffsets, follows: Int32Array.from(followParts),
  };
}

export function userHistory(world: Pick<World, 'history' | 'historyOffsets'>, user: number): Int32Array {
  return world.history.subarray(world.historyOffsets[user]!, world.historyOffsets[user + 1]!);
}

export function userFollows(world: Pick<World, 'follows' | 'followOffsets'>, user: number): Int32Array {
  return world.follows.subarray(world.followOffsets[user]!, world.followOffsets[user + 1]!);
}

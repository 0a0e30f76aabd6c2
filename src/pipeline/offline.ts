import type { RetrievalModel } from './embeddings.js';
import type { UserFeatures, VideoFeatures } from './features.js';
import { normalizeRow } from './vectors.js';
import { userFollows, userHistory, type Observed } from './world.js';

/** Row-major vectors the serving side reads: one per user and one per video. */
export interface Embeddings {
  users: Float32Array;
  items: Float32Array;
  interactions: Int32Array;
}

/** The user's features as the offline job computes them from the watch log and the user tower. */
export function userFeaturesOf(observed: Observed, embeddings: Pick<Embeddings, 'users'>, user: number): UserFeatures {
  const { dim } = observed;
  const history = userHistory(observed, user);
  const topicShare = new Float32Array(observed.topics);
  for (const item of history) topicShare[observed.itemTopic[item]!]! += 1 / history.length;
  const embedding = embeddings.users.slice(user * dim, (user + 1) * dim);
  return { id: user, embedding, history, follows: userFollows(observed, user), topicShare };
}

export function videoFeaturesOf(observed: Observed, embeddings: Pick<Embeddings, 'items' | 'interactions'>, item: number): VideoFeatures {
  return {
    id: item,
    topic: observed.itemTopic[item]!,
    creator: observed.itemCreator[item]!,
    ageDays: observed.itemAgeDays[item]!,
    durationSec: observed.itemDurationSec[item]!,
    views: observed.itemViews[item]!,
    rating: observed.itemRating[item]!,
    interactions: embeddings.interactions[item]!,
    embedding: embeddings.items.subarray(item * observed.dim, (item + 1) * observed.dim),
  };
}

/** Writes the user's vector, the normalised mean of given item vectors over their history, into `out` at `offset`. */
function writeHistoryMean(observed: Pick<Observed, 'dim' | 'history' | 'historyOffsets'>, items: Float32Array, user: number, out: Float32Array, offset: number): void {
  const { dim } = observed;
  for (const item of userHistory(observed, user)) for (let d = 0; d < dim; d++) out[offset + d]! += items[item * dim + d]!;
  normalizeRow(out, offset, dim);
}

/** Each user's vector as the mean of given item vectors over their history (the oracle's user tower). */
export function historyMeans(observed: Pick<Observed, 'dim' | 'params' | 'history' | 'historyOffsets'>, items: Float32Array): Float32Array {
  const { dim } = observed;
  const users = new Float32Array(observed.params.users * dim);
  for (let u = 0; u < observed.params.users; u++) writeHistoryMean(observed, items, u, users, u * dim);
  return users;
}

/** One user's vector as `historyMeans` computes it, for callers that need a few users out of many. */
export function historyMean(observed: Pick<Observed, 'dim' | 'history' | 'historyOffsets'>, items: Float32Array, user: number): Float32Array {
  const out = new Float32Array(observed.dim);
  writeHistoryMean(observed, items, user, out, 0);
  return out;
}

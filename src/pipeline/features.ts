import { dot } from './vectors.js';

/** What the feature store holds for a user (all derived from logs, none from the hidden truth). */
export interface UserFeatures {
  id: number;
  /** The user tower's output, cached offline. */
  embedding: Float32Array;
  history: Int32Array;
  follows: Int32Array;
  /** Share of the history in each topic. */
  topicShare: Float32Array;
}

/** What the feature store holds for a video. */
export interface VideoFeatures {
  id: number;
  topic: number;
  creator: number;
  ageDays: number;
  durationSec: number;
  views: number;
  rating: number;
  /** Logged interactions; few means the embedding is the content model's (cold start). */
  interactions: number;
  embedding: Float32Array;
}

/** The online store's reads (src/pipeline/io/store.ts keeps them in SQLite). */
export interface FeatureStore {
  user(id: number): UserFeatures | undefined;
  /** One batched read for all candidates; the result follows the order of `ids`, missing ids dropped. */
  videos(ids: number[]): VideoFeatures[];
  /** The newest videos of these creators. */
  recentByCreators(creators: ArrayLike<number>, limit: number): number[];
  list(name: 'popular' | 'fresh'): number[];
  close(): void;
}

export const FEATURE_NAMES = [
  'bias', 'affinity', 'topic share', 'log views', 'rating', 'freshness', 'follows creator', 'duration',
  'affinity × rating', 'affinity²', 'position',
] as const;
export const FEATURE_COUNT = FEATURE_NAMES.length;

/**
 * One feature row, shared by training and serving so they cannot drift apart. `position` is the slot the
 * item was shown in (logs); serving passes 0, so the position bias learnt in training is held constant.
 */
export function featureVector(user: UserFeatures, video: VideoFeatures, position: number, out: Float64Array): Float64Array {
  const affinity = dot(user.embedding, 0, video.embedding, 0, video.embedding.length);
  out[0] = 1;
  out[1] = affinity;
  out[2] = user.topicShare[video.topic] ?? 0;
  out[3] = Math.log1p(video.views) / 10;
  out[4] = video.rating;
  out[5] = Math.exp(-video.ageDays / 14);
  out[6] = user.follows.includes(video.creator) ? 1 : 0;
  out[7] = (Math.log(video.durationSec) - 5.5) / 0.8;
  out[8] = affinity * video.rating;
  out[9] = affinity * affinity;
  out[10] = Math.log2(2 + position);
  return out;
}

import { exactIndex, type AnnIndex } from './ann.js';
import { generateCandidates, type Candidates } from './candidates.js';
import { FEATURE_COUNT, featureVector, type FeatureStore, type UserFeatures } from './features.js';
import { predict, type RankerModel } from './ranker.js';
import { DEFAULT_RULES, rerank, type FeedItem, type Scored } from './rerank.js';

export const STAGE_IDS = ['feature-store', 'candidate-generation', 'ranking', 'reranking'] as const;
export type StageId = (typeof STAGE_IDS)[number];

/** The online system: what a serving process holds after start-up. */
export interface ServingSystem {
  store: FeatureStore;
  index: AnnIndex;
  model: RankerModel;
  popular: number[];
  fresh: number[];
  catalogueSize: number;
}

export interface FunnelConfig {
  candidates: number;
  ranked: number;
  feed: number;
  lambda: number;
}

export interface StageTiming {
  id: StageId;
  in: number;
  out: number;
  ms: number;
}

export interface Served {
  user: UserFeatures;
  stages: StageTiming[];
  totalMs: number;
  candidates: Candidates;
  ranked: Scored[];
  feed: FeedItem[];
}

/** Scores every candidate with the ranker on features read from the store in one batch; keeps the best `keep`. */
export function rankCandidates(system: ServingSystem, user: UserFeatures, ids: number[], keep: number): Scored[] {
  const videos = system.store.videos(ids);
  const x = new Float64Array(FEATURE_COUNT);
  const scored = videos.map((video) => ({ video, score: predict(system.model, featureVector(user, video, 0, x)) }));
  scored.sort((a, b) => b.score - a.score);
  return scored.slice(0, keep);
}

/** One request through the funnel, each stage timed with `clock` (milliseconds, high resolution). */
export function serveRequest(system: ServingSystem, userId: number, config: FunnelConfig, clock: () => number): Served {
  const t0 = clock();
  const user = system.store.user(userId);
  if (!user) throw new Error(`user ${userId} is not in the feature store`);
  const t1 = clock();
  const candidates = generateCandidates(user, config.candidates, {
    ann: (q, k) => system.index.search(q, k),
    recentByCreators: (c, limit) => system.store.recentByCreators(c, limit),
    popular: system.popular,
    fresh: system.fresh,
    catalogueSize: system.catalogueSize,
  });
  const t2 = clock();
  const ranked = rankCandidates(system, user, candidates.ids, config.ranked);
  const t3 = clock();
  const feed = rerank(ranked, { ...DEFAULT_RULES, feed: config.feed, lambda: config.lambda });
  const t4 = clock();
  return {
    user,
    stages: [
      { id: 'feature-store', in: 1, out: 1, ms: t1 - t0 },
      { id: 'candidate-generation', in: system.catalogueSize, out: candidates.ids.length, ms: t2 - t1 },
      { id: 'ranking', in: candidates.ids.length, out: ranked.length, ms: t3 - t2 },
      { id: 'reranking', in: ranked.length, out: feed.length, ms: t4 - t3 },
    ],
    totalMs: t4 - t0,
    candidates,
    ranked,
    feed,
  };
}

/**
 * The same funnel given the answer key: retrieval by exact scan over the hidden video embeddings, users as
 * the mean of their history's hidden embeddings, and a ranker trained on those. Only the evaluation uses it,
 * as the ceiling the learned system is compared with.
 */
export function oracleSystem(system: ServingSystem, truth: { items: Float32Array; user: (id: number) => Float32Array; dim: number }, model: RankerModel): ServingSystem {
  const { items, user, dim } = truth;
  const store: FeatureStore = {
    ...system.store,
    user(id) {
      const f = system.store.user(id);
      return f && { ...f, embedding: user(id) };
    },
    videos: (ids) => system.store.videos(ids).map((v) => ({ ...v, embedding: items.subarray(v.id * dim, (v.id + 1) * dim) })),
    close() {},
  };
  return { ...system, store, index: exactIndex(items, dim), model };
}

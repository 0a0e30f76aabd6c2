import { exactTopK, plainExactTopK } from './ann.js';
import type { Source } from './candidates.js';
import { intraListDiversity, median, ndcg, summarize, type Percentiles } from './metrics.js';
import { createRng } from './random.js';
import { isCold } from './embeddings.js';
import { historyMeans, type Embeddings } from './offline.js';
import type { RankerModel } from './ranker.js';
import { oracleSystem, serveRequest, STAGE_IDS, type FunnelConfig, type Served, type ServingSystem, type StageId } from './serve.js';
import { gain, utility } from './truth.js';
import type { World } from './world.js';

/** NDCG is reported at 10 whatever the feed length, so runs with different --feed compare. */
const NDCG_K = 10;
/** The plain-JavaScript scan is slow, so it is timed on a few users only: context, not the baseline. */
const PLAIN_SCAN_USERS = 20;

export interface RunParams extends FunnelConfig {
  requests: number;
  seed: number;
  budgetMs: number;
  /** Users whose requests are also scored against the exact scan and the ground truth. */
  evalUsers: number;
  warmup: number;
}

export interface StageReport extends Percentiles {
  id: StageId;
  in: number;
  out: number;
}

export interface SegmentQuality {
  /** Share of the catalogue in this segment. */
  share: number;
  /** Of the segment's videos among the user's true best, the share candidate generation's ANN found. */
  recallVsTruth: number;
  /** NDCG@10 of the segment's videos in retrieval order, against the segment's true best. */
  ndcgAt10: number;
}

export interface Quality {
  /** The index's own error: the share of the exact scan's top-k (over the same learned embeddings) it returns. */
  retrievalRecall: number;
  /** The model's error: the share of the truly best k videos that the exact scan over the learned embeddings finds. */
  modelRecall: number;
  ndcgAt10: number;
  intraListDiversity: number;
  /** Distinct topics among the feed's videos, averaged over requests. */
  topicDiversity: number;
  coverage: number;
  baselines: { oracle: { ndcgAt10: number }; popularity: { ndcgAt10: number }; random: { ndcgAt10: number } };
  beforeReranking: { ndcgAt10: number; intraListDiversity: number; topicDiversity: number; coverage: number };
  /** New videos (served by their content embedding) against established ones (by their learned one). */
  segments: { fresh: SegmentQuality; established: SegmentQuality };
  evaluatedUsers: number;
}

export interface RunReport {
  stages: StageReport[];
  total: Percentiles;
  withinBudget: boolean;
  exactRetrieval: Percentiles & { k: number };
  /** The same exact scan written in plain JavaScript (no SIMD), on a few users. */
  exactRetrievalPlainJs: Percentiles & { users: number };
  quality: Quality;
  perSource: Record<Source, number>;
}

/** Request users drawn uniformly (with replacement) from the seed, so runs are repeatable. */
export function requestUsers(users: number, count: number, seed: number): number[] {
  const rng = createRng(seed ^ 0x0f00d);
  return Array.from({ length: count }, () => rng.int(users));
}

/** Row-major [embedding, quality] of the given videos, so one exact inner-product scan ranks them by true utility. */
export function utilityMatrix(world: World, rows?: Int32Array): Float32Array {
  const { dim } = world;
  const ids = rows ?? Int32Array.from({ length: world.itemTopic.length }, (_, i) => i);
  const m = new Float32Array(ids.length * (dim + 1));
  ids.forEach((i, r) => {
    m.set(world.itemEmbedding.subarray(i * dim, (i + 1) * dim), r * (dim + 1));
    m[r * (dim + 1) + dim] = world.itemQuality[i]!;
  });
  return m;
}

/** One segment of the catalogue with its truth matrix, so its best videos for a user are one exact scan. */
interface Segment {
  ids: Int32Array;
  has: Uint8Array;
  truth: Float32Array;
}

function segment(world: World, member: (item: number) => boolean): Segment {
  const items = world.itemTopic.length;
  const has = new Uint8Array(items);
  const list: number[] = [];
  for (let i = 0; i < items; i++) if (member(i)) { has[i] = 1; list.push(i); }
  const ids = Int32Array.from(list);
  return { ids, has, truth: utilityMatrix(world, ids) };
}

/** The segment's `k` unwatched videos of highest true utility for the user, best first, with their utility. */
function segmentBest(world: World, seg: Segment, user: number, watched: Set<number>, k: number): Array<[number, number]> {
  const { dim } = world;
  if (!seg.ids.length) return [];
  const query = new Float32Array(dim + 1);
  query.set(world.userTaste.subarray(user * dim, (user + 1) * dim));
  query[dim] = 0.25;
  const rows = exactTopK(seg.truth, dim + 1, query, Math.min(seg.ids.length, k + watched.size));
  return rows.map((r) => seg.ids[r]!).filter((i) => !watched.has(i)).slice(0, k).map((i) => [i, utility(world, user, i)]);
}

const distinctTopics = (world: World, items: number[]) => new Set(items.map((i) => world.itemTopic[i]!)).size;

export interface Baselines {
  /** The same funnel on the hidden embeddings (exact retrieval, its own ranker). */
  oracle: ServingSystem;
  /** Videos served by their content embedding (too few logged interactions). */
  isFresh: (item: number) => boolean;
  /** The retrieval embeddings, for the exact scan the index is measured against. */
  retrievalItems: Float32Array;
}

/** The baselines for a prepared system: the oracle funnel, which videos are new, and the embeddings scanned. */
export function baselinesOf(p: { system: ServingSystem; world: World; embeddings: Embeddings; oracleModel: RankerModel }): Baselines {
  const { world } = p;
  return {
    oracle: oracleSystem(p.system, { items: world.itemEmbedding, users: historyMeans(world, world.itemEmbedding), dim: world.dim }, p.oracleModel),
    isFresh: (item) => isCold(p.embeddings, item),
    retrievalItems: p.embeddings.items,
  };
}

/**
 * Runs warm-up then `requests` timed requests, and scores a subset of them against the exact scan (speed and
 * the index's recall) and against the hidden utility (NDCG, diversity, coverage, the model's recall), beside
 * the oracle, popularity and random baselines.
 */
export function runRequests(system: ServingSystem, world: World, params: RunParams, clock: () => number, baselines: Baselines): RunReport {
  const users = requestUsers(world.params.users, params.requests + params.warmup, params.seed);
  for (const u of users.slice(0, params.warmup)) serveRequest(system, u, params, clock);
  const served: Served[] = [];
  const stageMs = new Map<StageId, number[]>(STAGE_IDS.map((id) => [id, []]));
  const stageIn = new Map<StageId, number[]>(STAGE_IDS.map((id) => [id, []]));
  const stageOut = new Map<StageId, number[]>(STAGE_IDS.map((id) => [id, []]));
  const totals: number[] = [];
  const feedItems = new Set<number>();
  const plainItems = new Set<number>();
  for (const u of users.slice(params.warmup)) {
    const s = serveRequest(system, u, params, clock);
    totals.push(s.totalMs);
    for (const st of s.stages) {
      stageMs.get(st.id)!.push(st.ms);
      stageIn.get(st.id)!.push(st.in);
      stageOut.get(st.id)!.push(st.out);
    }
    for (const f of s.feed) feedItems.add(f.video.id);
    for (const r of s.ranked.slice(0, params.feed)) plainItems.add(r.video.id);
    if (served.length < params.evalUsers) served.push(s);
  }

  const { dim } = world;
  const items = world.itemTopic.length;
  const fresh = segment(world, baselines.isFresh);
  const established = segment(world, (i) => !baselines.isFresh(i));
  const exactMs: number[] = [];
  const plainMs: number[] = [];
  const recall = { index: [0, 0], model: [0, 0], fresh: [0, 0], established: [0, 0] };
  const scores = { feed: [] as number[], plain: [] as number[], oracle: [] as number[], popularity: [] as number[], random: [] as number[],
    fresh: [] as number[], established: [] as number[] };
  const ild = { feed: [] as number[], plain: [] as number[] };
  const topics = { feed: [] as number[], plain: [] as number[] };
  const rng = createRng(params.seed ^ 0xbad5eed);
  const k = NDCG_K;
  for (const s of served) {
    const kAnn = s.candidates.annRaw.length;
    const t0 = clock();
    const exact = exactTopK(baselines.retrievalItems, dim, s.user.embedding, kAnn);
    exactMs.push(clock() - t0);
    if (plainMs.length < PLAIN_SCAN_USERS) {
      const t1 = clock();
      plainExactTopK(baselines.retrievalItems, dim, s.user.embedding, kAnn);
      plainMs.push(clock() - t1);
    }
    const returned = new Set(s.candidates.annRaw);
    recall.index[0]! += exact.filter((i) => returned.has(i)).length;
    recall.index[1]! += exact.length;

    const user = s.user.id;
    const watched = new Set(s.user.history);
    const bestFresh = segmentBest(world, fresh, user, watched, kAnn);
    const bestEstablished = segmentBest(world, established, user, watched, kAnn);
    const best = [...bestFresh, ...bestEstablished].sort((a, b) => b[1] - a[1]).slice(0, kAnn).map(([i]) => i);
    const exactSet = new Set(exact);
    recall.model[0]! += best.filter((i) => exactSet.has(i)).length;
    recall.model[1]! += best.length;
    for (const [name, seg] of [['fresh', fresh], ['established', established]] as const) {
      const inSeg = best.filter((i) => seg.has[i]);
      recall[name][0]! += inSeg.filter((i) => returned.has(i)).length;
      recall[name][1]! += inSeg.length;
      const segIdeal = (name === 'fresh' ? bestFresh : bestEstablished).slice(0, k).map(([, u]) => gain(u));
      const retrieved = s.candidates.annRaw.filter((i) => seg.has[i] && !watched.has(i)).slice(0, k);
      if (segIdeal.length) scores[name].push(ndcg(retrieved.map((i) => gain(utility(world, user, i))), segIdeal, k));
    }

    const ideal = best.slice(0, k).map((i) => gain(utility(world, user, i)));
    const gains = (list: number[]) => list.map((i) => gain(utility(world, user, i)));
    const feed = s.feed.map((f) => f.video.id);
    const plain = s.ranked.slice(0, k).map((r) => r.video.id);
    const oracleFeed = serveRequest(baselines.oracle, user, params, clock).feed.map((f) => f.video.id);
    const popular = system.popular.filter((i) => !watched.has(i)).slice(0, k);
    const random: number[] = [];
    while (random.length < k) {
      const i = rng.int(items);
      if (!watched.has(i)) random.push(i);
    }
    scores.feed.push(ndcg(gains(feed), ideal, k));
    scores.plain.push(ndcg(gains(plain), ideal, k));
    scores.oracle.push(ndcg(gains(oracleFeed), ideal, k));
    scores.popularity.push(ndcg(gains(popular), ideal, k));
    scores.random.push(ndcg(gains(random), ideal, k));
    ild.feed.push(intraListDiversity(feed, world.itemEmbedding, dim));
    ild.plain.push(intraListDiversity(plain, world.itemEmbedding, dim));
    topics.feed.push(distinctTopics(world, feed));
    topics.plain.push(distinctTopics(world, plain));
  }
  const mean = (v: number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0);
  const share = ([hit, all]: number[]) => (all ? hit! / all : 0);

  const perSource = { embedding: 0, followed: 0, fresh: 0, popular: 0 };
  for (const s of served) for (const [src, n] of Object.entries(s.candidates.perSource)) perSource[src as Source] += n / served.length;

  const total = summarize(totals);
  return {
    stages: STAGE_IDS.map((id) => ({
      id,
      in: median(stageIn.get(id)!),
      out: median(stageOut.get(id)!),
      ...summarize(stageMs.get(id)!),
    })),
    total,
    withinBudget: total.p99Ms <= params.budgetMs,
    exactRetrieval: { ...summarize(exactMs), k: Math.round(median(served.map((s) => s.candidates.annRaw.length))) },
    exactRetrievalPlainJs: { ...summarize(plainMs), users: plainMs.length },
    quality: {
      retrievalRecall: share(recall.index),
      modelRecall: share(recall.model),
      ndcgAt10: mean(scores.feed),
      intraListDiversity: mean(ild.feed),
      topicDiversity: mean(topics.feed),
      coverage: feedItems.size / items,
      baselines: {
        oracle: { ndcgAt10: mean(scores.oracle) },
        popularity: { ndcgAt10: mean(scores.popularity) },
        random: { ndcgAt10: mean(scores.random) },
      },
      beforeReranking: {
        ndcgAt10: mean(scores.plain), intraListDiversity: mean(ild.plain), topicDiversity: mean(topics.plain), coverage: plainItems.size / items,
      },
      segments: {
        fresh: { share: fresh.ids.length / items, recallVsTruth: share(recall.fresh), ndcgAt10: mean(scores.fresh) },
        established: { share: established.ids.length / items, recallVsTruth: share(recall.established), ndcgAt10: mean(scores.established) },
      },
      evaluatedUsers: served.length,
    },
    perSource,
  };
}

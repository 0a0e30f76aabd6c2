import { exactTopK, plainExactTopK } from './ann.js';
import type { Source } from './candidates.js';
import { intraListDiversity, median, ndcg, summarize, type Percentiles } from './metrics.js';
import { createRng } from './random.js';
import { serveRequest, STAGE_IDS, type FunnelConfig, type Served, type ServingSystem, type StageId } from './serve.js';
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

export interface Quality {
  retrievalRecall: number;
  ndcgAt10: number;
  intraListDiversity: number;
  coverage: number;
  baselines: { popularity: { ndcgAt10: number }; random: { ndcgAt10: number } };
  beforeReranking: { ndcgAt10: number; intraListDiversity: number; coverage: number };
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

/** Row-major [embedding, quality] so one exact inner-product scan ranks the catalogue by true utility. */
export function utilityMatrix(world: World): Float32Array {
  const { dim } = world;
  const items = world.itemTopic.length;
  const m = new Float32Array(items * (dim + 1));
  for (let i = 0; i < items; i++) {
    m.set(world.itemEmbedding.subarray(i * dim, (i + 1) * dim), i * (dim + 1));
    m[i * (dim + 1) + dim] = world.itemQuality[i]!;
  }
  return m;
}

function idealGains(world: World, truth: Float32Array, user: number, watched: Set<number>, k: number): number[] {
  const { dim } = world;
  const query = new Float32Array(dim + 1);
  query.set(world.userTaste.subarray(user * dim, (user + 1) * dim));
  query[dim] = 0.25;
  const best = exactTopK(truth, dim + 1, query, Math.min(truth.length / (dim + 1), k + watched.size));
  return best.filter((i) => !watched.has(i)).slice(0, k).map((i) => gain(utility(world, user, i)));
}

/**
 * Runs warm-up then `requests` timed requests, and scores a subset of them against the exact scan (speed and
 * recall) and against the hidden utility (NDCG, diversity, coverage), with popularity and random as baselines.
 */
export function runRequests(system: ServingSystem, world: World, params: RunParams, clock: () => number): RunReport {
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
  const truth = utilityMatrix(world);
  const exactMs: number[] = [];
  const plainMs: number[] = [];
  let hits = 0;
  let wanted = 0;
  const scores = { feed: [] as number[], plain: [] as number[], popularity: [] as number[], random: [] as number[] };
  const ild = { feed: [] as number[], plain: [] as number[] };
  const rng = createRng(params.seed ^ 0xbad5eed);
  const k = NDCG_K;
  for (const s of served) {
    const t0 = clock();
    const exact = exactTopK(world.itemEmbedding, dim, s.user.embedding, s.candidates.annRaw.length);
    exactMs.push(clock() - t0);
    if (plainMs.length < PLAIN_SCAN_USERS) {
      const t1 = clock();
      plainExactTopK(world.itemEmbedding, dim, s.user.embedding, s.candidates.annRaw.length);
      plainMs.push(clock() - t1);
    }
    const returned = new Set(s.candidates.annRaw);
    hits += exact.filter((i) => returned.has(i)).length;
    wanted += exact.length;

    const watched = new Set(s.user.history);
    const ideal = idealGains(world, truth, s.user.id, watched, k);
    const gains = (list: number[]) => list.map((i) => gain(utility(world, s.user.id, i)));
    const feed = s.feed.map((f) => f.video.id);
    const plain = s.ranked.slice(0, k).map((r) => r.video.id);
    const popular = system.popular.filter((i) => !watched.has(i)).slice(0, k);
    const random: number[] = [];
    while (random.length < k) {
      const i = rng.int(items);
      if (!watched.has(i)) random.push(i);
    }
    scores.feed.push(ndcg(gains(feed), ideal, k));
    scores.plain.push(ndcg(gains(plain), ideal, k));
    scores.popularity.push(ndcg(gains(popular), ideal, k));
    scores.random.push(ndcg(gains(random), ideal, k));
    ild.feed.push(intraListDiversity(feed, world.itemEmbedding, dim));
    ild.plain.push(intraListDiversity(plain, world.itemEmbedding, dim));
  }
  const mean = (v: number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0);

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
      retrievalRecall: wanted ? hits / wanted : 0,
      ndcgAt10: mean(scores.feed),
      intraListDiversity: mean(ild.feed),
      coverage: feedItems.size / items,
      baselines: { popularity: { ndcgAt10: mean(scores.popularity) }, random: { ndcgAt10: mean(scores.random) } },
      beforeReranking: { ndcgAt10: mean(scores.plain), intraListDiversity: mean(ild.plain), coverage: plainItems.size / items },
      evaluatedUsers: served.length,
    },
    perSource,
  };
}

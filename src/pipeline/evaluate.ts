import { exactTopK, plainExactTopK, type AnnIndex } from './ann.js';
import type { Source } from './candidates.js';
import { intraListDiversity, median, ndcg, summarize, type Percentiles } from './metrics.js';
import { createRng } from './random.js';
import { simdMatrix, type SimdMatrix } from './scan.js';
import { isCold } from './embeddings.js';
import { historyMean, type Embeddings } from './offline.js';
import type { RankerModel } from './ranker.js';
import { oracleSystem, serveRequest, STAGE_IDS, type FunnelConfig, type Served, type ServingSystem, type StageId } from './serve.js';
import { gain, utility } from './truth.js';
import type { World } from './world.js';

/** NDCG is reported at 10 whatever the feed length, so runs with different --feed compare. */
const NDCG_K = 10;
/** The plain-JavaScript scan is slow (≈ 55 ms at 1M), so it is timed on a few users only: context, not the baseline. */
const PLAIN_SCAN_USERS = 5;
/**
 * The exact scan is timed on this many of the evaluated users, one after another on one thread (≈ 25 ms each
 * at 1M); the others' exact lists come from the faster untimed scanner. Each scan reads the same rows, so its
 * time barely varies: 30 timings put its p50 within a few percent, and its p99 is the slowest of them.
 */
const TIMED_SCAN_USERS = 30;

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
  /** The exact scan's latency, timed on `users` of the evaluated users; `k` is the list length. */
  exactRetrieval: Percentiles & { k: number; users: number };
  /** The same exact scan written in plain JavaScript (no SIMD), on a few users. */
  exactRetrievalPlainJs: Percentiles & { users: number };
  quality: Quality;
  perSource: Record<Source, number>;
  /** Wall time of the warm-up and timed requests, and of scoring the evaluated ones (scans, baselines, metrics). */
  seconds: { requests: number; evaluation: number };
}

/** Request users drawn uniformly (with replacement) from the seed, so runs are repeatable. */
export function requestUsers(users: number, count: number, seed: number): number[] {
  const rng = createRng(seed ^ 0x0f00d);
  return Array.from({ length: count }, () => rng.int(users));
}

/**
 * One segment of the catalogue for the truth scans: its videos in bands of falling quality, their truth rows
 * in that order, and for each position the highest quality from there on.
 */
export interface Segment {
  ids: Int32Array;
  has: Uint8Array;
  truth: SimdMatrix;
  ceiling: Float32Array;
}

/** Bands of falling quality a segment's videos are put in: order enough for a truth scan to stop early. */
const QUALITY_BANDS = 64;

/**
 * The segment's videos in bands of falling quality (ascending ids within a band; the band edges come from a
 * sample, and any order would still give exact lists, only later stops), with their truth rows
 * [embedding, quality] padded to the scanner's width, written as the videos are read in id order.
 */
export function segment(world: World, member: (item: number) => boolean): Segment {
  const { dim } = world;
  const quality = world.itemQuality;
  const items = world.itemTopic.length;
  const has = new Uint8Array(items);
  let count = 0;
  for (let i = 0; i < items; i++) if (member(i)) { has[i] = 1; count++; }
  const step = Math.max(1, Math.floor(items / 16_384));
  const sample: number[] = [];
  for (let i = 0; i < items; i += step) if (has[i]) sample.push(quality[i]!);
  sample.sort((a, b) => b - a);
  // floors[b] is band b's lowest quality, falling with b; the last band takes everything below.
  const floors = Float64Array.from({ length: QUALITY_BANDS }, (_, b) => (b === QUALITY_BANDS - 1 || !sample.length ? -Infinity : sample[Math.floor(((b + 1) * sample.length) / QUALITY_BANDS)]!));
  const bandOf = (q: number) => {
    let lo = 0;
    let hi = QUALITY_BANDS - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (q >= floors[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const next = new Int32Array(QUALITY_BANDS + 1);
  for (let i = 0; i < items; i++) if (has[i]) next[bandOf(quality[i]!) + 1]!++;
  for (let b = 0; b < QUALITY_BANDS; b++) next[b + 1]! += next[b]!;
  const ids = new Int32Array(count);
  const width = dim + 4;
  const truth = new Float32Array(count * width);
  for (let i = 0; i < items; i++) {
    if (!has[i]) continue;
    const r = next[bandOf(quality[i]!)]!++;
    ids[r] = i;
    for (let d = 0; d < dim; d++) truth[r * width + d] = world.itemEmbedding[i * dim + d]!;
    truth[r * width + dim] = quality[i]!;
  }
  const ceiling = new Float32Array(count);
  for (let j = count - 1, top = -Infinity; j >= 0; j--) ceiling[j] = top = Math.max(top, quality[ids[j]!]!);
  return { ids, has, truth: simdMatrix(truth, width), ceiling };
}

export interface Asked {
  user: number;
  watched: Set<number>;
  /** How many videos the ANN was asked for: the length lists are compared at. */
  k: number;
}

/**
 * For each user, the segment's `k` unwatched videos of highest true utility, best first, with their utility.
 * Utility is taste · embedding + 0.25 × quality with both vectors of unit length, so no video scores above
 * 1 + 0.25 × its quality: a scan stops where that bound for every video left is below the list's last utility
 * (after about a quarter of the catalogue at 1M), and gives the list a full scan gives.
 */
export function segmentBest(world: World, seg: Segment, asked: Asked[]): Array<Array<[number, number]>> {
  const { dim } = world;
  const queries = asked.map(({ user }) => {
    const query = new Float32Array(dim + 4);
    query.set(world.userTaste.subarray(user * dim, (user + 1) * dim));
    query[dim] = 0.25;
    return query;
  });
  const wanted = asked.map((a) => Math.min(seg.ids.length, a.k + a.watched.size));
  // Rounding keeps a product of unit vectors within 1e-6 of 1; the margin is far wider.
  const lists = seg.truth.topK(queries, wanted, { stop: (_, row, kth) => 1.0001 + 0.25 * seg.ceiling[row]! < kth });
  return lists.map((rows, j) => {
    const { user, watched, k } = asked[j]!;
    return rows
      .map((r) => seg.ids[r]!)
      .filter((i) => !watched.has(i))
      .map((i): [number, number] => [i, utility(world, user, i)])
      .sort((a, b) => b[1] - a[1])
      .slice(0, k);
  });
}

/** An index that answers one user's query from a list found in advance, and scans again for a longer one. */
function answeredFrom(rows: number[], index: AnnIndex): AnnIndex {
  return { ...index, search: (query, k) => (k <= rows.length ? rows.slice(0, k) : index.search(query, k)) };
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
  // Only the evaluated users need an oracle vector: computing all of them cost 0.5 s at 100,000 users.
  const vectors = new Map<number, Float32Array>();
  const user = (id: number) => vectors.get(id) ?? vectors.set(id, historyMean(world, world.itemEmbedding, id)).get(id)!;
  return {
    oracle: oracleSystem(p.system, { items: world.itemEmbedding, user, dim: world.dim }, p.oracleModel),
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
  const started = clock();
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

  const requestsDone = clock();
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
  const asked: Asked[] = served.map((s) => ({ user: s.user.id, watched: new Set(s.user.history), k: s.candidates.annRaw.length }));

  // Timed first, one scan after another on one thread with nothing else running: the baseline's latency.
  const exactLists: number[][] = [];
  for (const [j, s] of served.slice(0, TIMED_SCAN_USERS).entries()) {
    const t0 = clock();
    exactLists.push(exactTopK(baselines.retrievalItems, dim, s.user.embedding, asked[j]!.k));
    exactMs.push(clock() - t0);
  }
  for (const [j, s] of served.slice(0, PLAIN_SCAN_USERS).entries()) {
    const t1 = clock();
    plainExactTopK(baselines.retrievalItems, dim, s.user.embedding, asked[j]!.k);
    plainMs.push(clock() - t1);
  }
  // The untimed scans (src/pipeline/scan.ts): the other users' exact lists, the truth's best, the oracle's retrieval.
  const untimed = served.slice(TIMED_SCAN_USERS);
  if (untimed.length) {
    const learned = simdMatrix(baselines.retrievalItems, dim);
    exactLists.push(...learned.topK(untimed.map((s) => s.user.embedding), untimed.map((s) => s.candidates.annRaw.length)));
  }
  const bestFreshLists = segmentBest(world, fresh, asked);
  const bestEstablishedLists = segmentBest(world, established, asked);
  const oracleUsers = asked.map((a) => baselines.oracle.store.user(a.user)!);
  // An upper bound of what candidate generation asks the index for (all slots, watched videos and its margin).
  const oracleK = oracleUsers.map((u) => Math.min(items, params.candidates + u.history.length + Math.ceil(params.candidates * 0.05)));
  const oracleLists = baselines.oracle.index.searchMany?.(oracleUsers.map((u) => u.embedding), oracleK);

  for (const [j, s] of served.entries()) {
    const kAnn = asked[j]!.k;
    const exact = exactLists[j]!;
    const returned = new Set(s.candidates.annRaw);
    recall.index[0]! += exact.filter((i) => returned.has(i)).length;
    recall.index[1]! += exact.length;

    const user = s.user.id;
    const watched = asked[j]!.watched;
    const bestFresh = bestFreshLists[j]!;
    const bestEstablished = bestEstablishedLists[j]!;
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
    const oracle = oracleLists ? { ...baselines.oracle, index: answeredFrom(oracleLists[j]!, baselines.oracle.index) } : baselines.oracle;
    const oracleFeed = serveRequest(oracle, user, params, clock).feed.map((f) => f.video.id);
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
    exactRetrieval: { ...summarize(exactMs), k: Math.round(median(served.map((s) => s.candidates.annRaw.length))), users: exactMs.length },
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
    seconds: { requests: (requestsDone - started) / 1000, evaluation: (clock() - requestsDone) / 1000 },
  };
}

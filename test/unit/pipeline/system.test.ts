import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exactTopK, plainExactTopK } from '../../../src/pipeline/ann.js';
import { buildSystem, prepare, silentProgress, type Prepared } from '../../../src/pipeline/io/build.js';
import { cacheFiles } from '../../../src/pipeline/io/cache.js';
import { logSlates } from '../../../src/pipeline/clicks.js';
import { isCold } from '../../../src/pipeline/embeddings.js';
import { baselinesOf, runRequests, type RunReport } from '../../../src/pipeline/evaluate.js';
import { gini } from '../../../src/pipeline/metrics.js';
import { serveRequest } from '../../../src/pipeline/serve.js';
import { openFeatureStore } from '../../../src/pipeline/io/store.js';
import { loadAnnIndex } from '../../../src/pipeline/ann.js';
import { generateWorld, HIDDEN_FIELDS, observe, type World } from '../../../src/pipeline/world.js';

const params = { items: 20_000, users: 2_000, seed: 7 };
const funnel = { candidates: 500, ranked: 50, feed: 10, lambda: 0.8 };
const clock = () => performance.now();
let root: string;
let prepared: Prepared;
let run: RunReport;

const baselines = (p: Prepared) => baselinesOf({ ...p, oracleModel: p.meta.oracleModel });

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'mlsd-pipeline-'));
  prepared = await prepare(params, { cacheRoot: root, rebuild: false, progress: silentProgress, clock, threads: 1 });
  run = runRequests(prepared.system, prepared.world, { ...funnel, requests: 150, seed: 7, budgetMs: 100, evalUsers: 60, warmup: 5 }, clock, baselines(prepared));
});

afterAll(() => {
  prepared?.system.store.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the world', () => {
  it('is the same for the same seed and differs for another', () => {
    const a = generateWorld({ items: 3000, users: 200, seed: 1 });
    const b = generateWorld({ items: 3000, users: 200, seed: 1 });
    const c = generateWorld({ items: 3000, users: 200, seed: 2 });
    expect(Buffer.from(a.itemEmbedding.buffer).equals(Buffer.from(b.itemEmbedding.buffer))).toBe(true);
    expect(Array.from(a.history)).toEqual(Array.from(b.history));
    expect(Buffer.from(a.itemEmbedding.buffer).equals(Buffer.from(c.itemEmbedding.buffer))).toBe(false);
  });

  it('has a long-tailed popularity (views Gini between 0.8 and 0.95) and a history for every user', () => {
    const g = gini(prepared.world.itemViews);
    expect(g).toBeGreaterThan(0.8);
    expect(g).toBeLessThan(0.95);
    for (let u = 0; u < params.users; u++) expect(prepared.world.historyOffsets[u + 1]! - prepared.world.historyOffsets[u]!).toBeGreaterThan(0);
  });

  it('keeps the hidden truth out of the feature store', () => {
    const db = new Database(cacheFiles(prepared.dir).store, { readonly: true });
    const columns = ['videos', 'users'].flatMap((t) => (db.prepare(`PRAGMA table_info(${t})`).all() as Array<{ name: string }>).map((c) => c.name));
    db.close();
    expect(columns).toContain('rating');
    expect(columns.some((c) => /quality|taste|utility/.test(c))).toBe(false);
  });
});

describe('the funnel over a 20k-video world', () => {
  it('reports the four stages in order with the configured counts', () => {
    expect(run.stages.map((s) => [s.id, s.in, s.out])).toEqual([
      ['feature-store', 1, 1],
      ['candidate-generation', 20_000, 500],
      ['ranking', 500, 50],
      ['reranking', 50, 10],
    ]);
    for (const s of run.stages) expect(s.p50Ms).toBeLessThanOrEqual(s.p99Ms);
    expect(run.total.p50Ms).toBeGreaterThan(0);
  });

  it('retrieves most of the exact top-k through the ANN', () => {
    expect(run.exactRetrieval.k).toBeGreaterThanOrEqual(300);
    expect(run.perSource.embedding).toBeLessThanOrEqual(run.exactRetrieval.k);
    expect(run.quality.retrievalRecall).toBeGreaterThan(0.9);
  });

  it('recommends far better than popularity and random against the hidden utility', () => {
    const q = run.quality;
    expect(q.ndcgAt10).toBeGreaterThan(2 * q.baselines.popularity.ndcgAt10);
    expect(q.baselines.popularity.ndcgAt10).toBeGreaterThan(q.baselines.random.ndcgAt10);
  });

  it('puts the oracle (the same funnel on the hidden embeddings) above the learned system', () => {
    const q = run.quality;
    expect(q.baselines.oracle.ndcgAt10).toBeGreaterThan(q.ndcgAt10);
    expect(q.baselines.oracle.ndcgAt10).toBeLessThanOrEqual(1);
  });

  it('measures the index against the learned embeddings and the model against the truth, apart', () => {
    const q = run.quality;
    expect(q.retrievalRecall).toBeGreaterThan(0.9);
    expect(q.modelRecall).toBeGreaterThan(0);
    expect(q.modelRecall).toBeLessThan(q.retrievalRecall);
  });

  it('reports new and established videos apart, and new ones keep their content embedding', () => {
    const { fresh, established } = run.quality.segments;
    expect(fresh.share + established.share).toBeCloseTo(1, 10);
    expect(fresh.share).toBeGreaterThan(0);
    expect(established.share).toBeGreaterThan(0);
    const { world, embeddings } = prepared;
    const dim = world.dim;
    const rowOf = (m: Float32Array, i: number) => Array.from(m.subarray(i * dim, (i + 1) * dim));
    let cold = 0;
    let warmChanged = 0;
    for (let i = 0; i < 2000; i++) {
      if (isCold(embeddings, i)) {
        cold++;
        expect(rowOf(embeddings.items, i)).toEqual(rowOf(world.itemContent, i));
      } else if (rowOf(embeddings.items, i).some((v, d) => v !== world.itemContent[i * dim + d])) {
        warmChanged++;
      }
    }
    expect(cold).toBeGreaterThan(0);
    expect(warmChanged).toBeGreaterThan(0);
  });

  it('raises diversity by re-ranking for a small NDCG cost', () => {
    const q = run.quality;
    expect(q.intraListDiversity).toBeGreaterThan(q.beforeReranking.intraListDiversity);
    expect(q.topicDiversity).toBeGreaterThan(q.beforeReranking.topicDiversity);
    expect(q.ndcgAt10).toBeGreaterThan(0.9 * q.beforeReranking.ndcgAt10);
  });

  it('trains a ranker that beats popularity and random on held-out logs', () => {
    const h = prepared.meta.heldOut;
    expect(h.impressions).toBeGreaterThan(1000);
    expect(h.rankerAuc).toBeGreaterThan(h.popularityAuc);
    expect(h.rankerAuc).toBeGreaterThan(h.randomAuc + 0.1);
  });

  it('learns that lower slots get fewer clicks (the position bias in the logs)', () => {
    expect(prepared.meta.model.weights.at(-1)).toBeLessThan(0);
  });

  it('loads the same system from the cache and serves the same feed', async () => {
    const again = await prepare(params, { cacheRoot: root, rebuild: false, progress: silentProgress, clock });
    try {
      expect(again.cached).toBe(true);
      const feed = (p: Prepared) => serveRequest(p.system, 11, funnel, clock).feed.map((f) => f.video.id);
      expect(feed(again)).toEqual(feed(prepared));
    } finally {
      again.system.store.close();
    }
  });

  it('filters watched videos and the ANN agrees with the exact scan on the best match', () => {
    const served = serveRequest(prepared.system, 3, funnel, clock);
    const watched = new Set(served.user.history);
    expect(served.candidates.ids.some((id) => watched.has(id))).toBe(false);
    const exact = exactTopK(prepared.embeddings.items, prepared.world.dim, served.user.embedding, 5);
    expect(served.candidates.annRaw.slice(0, 5)).toContain(exact[0]);
  });
});

describe('the exact scans', () => {
  it('agree: plain JavaScript and SIMD return the same top-k', () => {
    const { world } = prepared;
    const q = world.itemEmbedding.slice(40 * world.dim, 41 * world.dim);
    const simd = exactTopK(world.itemEmbedding, world.dim, q, 50);
    const plain = plainExactTopK(world.itemEmbedding, world.dim, q, 50);
    expect(plain[0]).toBe(40);
    expect(new Set(plain)).toEqual(new Set(simd));
  });
});

/** The world with its hidden fields replaced by getters that throw, so any read of the truth fails loudly. */
function withoutTruth(world: World): World {
  const blind = { ...world };
  for (const field of HIDDEN_FIELDS) {
    Object.defineProperty(blind, field, { get: () => { throw new Error(`the system read the hidden field ${field}`); }, enumerable: true });
  }
  return blind;
}

describe('what the system may know', () => {
  it('builds and serves the funnel from a world whose hidden fields cannot be read', async () => {
    const world = generateWorld({ items: 4000, users: 400, seed: 3 });
    // Only the simulation of the old system's logs reads the truth (whether a user clicks).
    const logs = logSlates(world, 3);
    const blind = withoutTruth(world);
    expect(() => blind.userTaste).toThrow(/hidden field/);
    const dir = mkdtempSync(join(tmpdir(), 'mlsd-test-'));
    try {
      const built = await buildSystem(observe(blind), logs, dir, { progress: silentProgress, clock, threads: 1 });
      const store = openFeatureStore(cacheFiles(dir).store);
      try {
        const system = {
          store, index: loadAnnIndex(cacheFiles(dir).index, blind.dim, built.indexScales), model: built.trained.model,
          popular: store.list('popular'), fresh: store.list('fresh'), catalogueSize: 4000,
        };
        const served = serveRequest(system, 17, funnel, clock);
        expect(served.feed).toHaveLength(10);
        expect(served.candidates.ids).toHaveLength(500);
      } finally {
        store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { buildAnnIndex, loadAnnIndex } from '../ann.js';
import {
  CACHE_FORMAT, cacheFiles, completePartial, folderBytes, inspectCache, loadWorld, removeAbandonedBuilds, saveWorld, startPartial,
  worldCacheDir, type CacheMeta, type CacheState,
} from './cache.js';
import { logSlates, type LoggedSlates } from '../clicks.js';
import { EMBEDDING_TRAINING, interactionsOf, trainRetrieval } from '../embeddings.js';
import { estimateBuild } from '../estimate.js';
import { historyMeans, type Embeddings } from '../offline.js';
import type { ServingSystem } from '../serve.js';
import { openFeatureStore, writeFeatureStore } from './store.js';
import { trainRankerFromLogs, type Trained } from '../training.js';
import { DIM, generateWorld, observe, type Observed, type World, type WorldParams } from '../world.js';
import { BuildInterrupted } from '../errors.js';

/** One build step with a known amount of work, shown as a bar with counts and the time left. */
export interface ProgressStep {
  advance(done: number): void;
  finish(summary: string): void;
}

/** Reports long work (a bar on a terminal, nothing in tests, pipes or --json). */
export interface Progress {
  step(label: string, total: number, unit: string): ProgressStep;
  /** A line for the person waiting (the up-front notice). */
  note(text: string): void;
  stop(): void;
}

export const silentProgress: Progress = {
  step: () => ({ advance() {}, finish() {} }),
  note() {},
  stop() {},
};

export interface Prepared {
  world: World;
  embeddings: Embeddings;
  system: ServingSystem;
  meta: CacheMeta;
  cached: boolean;
  /** Seconds to build, or to load from the cache. */
  seconds: number;
  dir: string;
  /** Bytes the cache folder takes. */
  bytes: number;
}

export interface PrepareOptions {
  cacheRoot: string;
  rebuild: boolean;
  progress: Progress;
  /** Said even when progress is silent: a damaged cache being rebuilt. */
  warn?: (text: string) => void;
  /** Milliseconds, for build-step durations. */
  clock: () => number;
  threads?: number;
  /** Aborted on Ctrl-C: the build stops at its next chunk and removes its unfinished folder. */
  signal?: AbortSignal;
  /** The index's search depth, when not the default. */
  ef?: number;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** Drives a step generator, giving the event loop a turn after each chunk so a Ctrl-C is heard. */
async function drive<T>(gen: Generator<number, T>, step: ProgressStep, signal?: AbortSignal): Promise<T> {
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
    step.advance(r.value);
    await nextTurn();
    if (signal?.aborted) throw new BuildInterrupted();
  }
}

async function pause(signal?: AbortSignal): Promise<void> {
  await nextTurn();
  if (signal?.aborted) throw new BuildInterrupted();
}

export interface SystemBuild {
  embeddings: Embeddings;
  trained: Trained;
  trainingPairs: number;
  /** What loading the index needs: the length each group's rows were scaled by, and each group's rows. */
  indexScales: number[];
  indexSizes: number[];
}

/**
 * Everything the recommender learns, from what it observes only: retrieval embeddings from the logs, the
 * ranker, the feature store and the index, written into `dir`. It is given the world without its hidden
 * fields; a test runs it on a world whose hidden fields throw when read.
 */
export async function buildSystem(
  observed: Observed, logs: LoggedSlates, dir: string, options: Pick<PrepareOptions, 'progress' | 'clock' | 'signal' | 'threads'>, steps: Record<string, number> = {},
): Promise<SystemBuild> {
  const { progress, clock, signal } = options;
  const { params } = observed;
  const threads = options.threads ?? availableParallelism();
  const time = (name: string, since: number) => (steps[name] = (clock() - since) / 1000);

  let t = clock();
  const pairs = interactionsOf(observed, logs.train);
  const epochs = EMBEDDING_TRAINING.epochs;
  let s = progress.step(`training embeddings, ${epochs} passes`, epochs * pairs.users.length, 'pairs');
  const model = await drive(trainRetrieval(observed, pairs, params.seed), s, signal);
  const embeddings: Embeddings = { items: model.items, users: model.users, interactions: model.interactions };
  s.finish(`retrieval embeddings trained on ${fmt(pairs.users.length)} watches and clicks (${time('embeddings', t).toFixed(1)} s)`);

  t = clock();
  s = progress.step('training the ranker on logged clicks', 1, 'model');
  const trained = trainRankerFromLogs(observed, embeddings, logs, params.seed);
  s.finish(`ranker trained on ${fmt(trained.trainImpressions)} logged impressions (${time('training', t).toFixed(1)} s)`);
  await pause(signal);

  t = clock();
  s = progress.step('writing features', params.items + params.users, 'rows');
  await drive(writeFeatureStore(cacheFiles(dir).store, observed, embeddings), s, signal);
  s.finish(`feature store written (${time('featureStore', t).toFixed(1)} s)`);

  t = clock();
  s = progress.step('building the index', params.items, 'videos');
  const index = await drive(buildAnnIndex(embeddings.items, observed.dim, threads), s, signal);
  index.save(cacheFiles(dir).index);
  s.finish(`search index built over ${fmt(params.items)} videos (${time('index', t).toFixed(1)} s)`);
  return { embeddings, trained, trainingPairs: pairs.users.length, indexScales: index.scales ?? [], indexSizes: index.sizes ?? [] };
}

async function build(params: WorldParams, dir: string, options: PrepareOptions): Promise<{ world: World; embeddings: Embeddings; meta: CacheMeta }> {
  const { progress, clock, signal } = options;
  const steps: Record<string, number> = {};
  const started = clock();
  const time = (name: string, since: number) => (steps[name] = (clock() - since) / 1000);
  const partial = startPartial(dir);
  try {
    let t = clock();
    let s = progress.step('generating videos, users and watch histories', 1, 'world');
    const world = generateWorld(params);
    s.finish(`world generated: ${fmt(params.items)} videos, ${fmt(params.users)} users (${time('world', t).toFixed(1)} s)`);
    await pause(signal);

    t = clock();
    s = progress.step('simulating the old system\'s logs: slates shown and clicks', 1, 'logs');
    const logs = logSlates(world, params.seed);
    s.finish(`logs simulated: ${fmt(logs.train.length + logs.test.length)} impressions (${time('logs', t).toFixed(1)} s)`);
    await pause(signal);

    // The recommender sees only what it could observe; the truth stays with the simulation and the evaluation.
    const system = await buildSystem(observe(world), logs, partial, options, steps);

    t = clock();
    s = progress.step('oracle baseline and checksums', 1, 'files');
    const oracle: Embeddings = { items: world.itemEmbedding, users: historyMeans(world, world.itemEmbedding), interactions: system.embeddings.interactions };
    const oracleTrained = trainRankerFromLogs(observe(world), oracle, logs, params.seed);
    saveWorld(partial, world, system.embeddings);
    const meta = completePartial(partial, dir, {
      format: CACHE_FORMAT,
      params,
      creators: world.creators,
      model: system.trained.model,
      oracleModel: oracleTrained.model,
      heldOut: system.trained.heldOut,
      trainImpressions: system.trained.trainImpressions,
      trainingPairs: system.trainingPairs,
      indexScales: system.indexScales,
      indexSizes: system.indexSizes,
      buildSeconds: (clock() - started) / 1000,
      steps,
    });
    s.finish(`cache complete (${time('checksums', t).toFixed(1)} s)`);
    return { world, embeddings: system.embeddings, meta };
  } catch (err) {
    rmSync(partial, { recursive: true, force: true });
    throw err;
  }
}

/** Opens the serving side of a complete cache folder. */
export function openServing(dir: string, meta: CacheMeta, ef?: number): ServingSystem {
  const files = cacheFiles(dir);
  const store = openFeatureStore(files.store);
  return {
    store,
    index: loadAnnIndex(files.index, DIM, meta.indexScales, ef, meta.indexSizes),
    popular: store.list('popular'),
    fresh: store.list('fresh'),
    catalogueSize: meta.params.items,
    model: meta.model,
  };
}

/**
 * Loads the world, store, models and index from the cache, building (and caching) them first when missing,
 * outdated or damaged. A build writes into a folder of its own and renames it into place when complete.
 */
export async function prepare(params: WorldParams, options: PrepareOptions): Promise<Prepared> {
  for (const name of removeAbandonedBuilds(options.cacheRoot)) {
    if (!name.includes('.partial-')) options.warn?.(`Removed ${join(options.cacheRoot, name)}: a world cached by an older version, which this one cannot read.`);
  }
  const dir = worldCacheDir(options.cacheRoot, params);
  const started = options.clock();
  let state: CacheState = { kind: 'missing' };
  if (!options.rebuild && existsSync(dir)) {
    const check = options.progress.step('checking the cached world against its checksums', 1, 'files');
    state = inspectCache(dir);
    check.finish(state.kind === 'ok' ? 'cached world checked' : 'cached world unusable');
  }
  let loaded: { world: World; embeddings: Embeddings; meta: CacheMeta } | undefined;
  if (state.kind === 'ok') {
    const s = options.progress.step('loading the cached world', 1, 'world');
    try {
      loaded = { ...loadWorld(dir, state.meta), meta: state.meta };
      s.finish('cached world loaded');
    } catch (err) {
      s.finish('cached world unreadable');
      options.warn?.(`The cached world in ${dir} is damaged (${(err as Error).message}); rebuilding it.`);
    }
  } else if (state.kind === 'damaged') {
    options.warn?.(`The cached world in ${dir} is damaged (${state.reason}); rebuilding it.`);
  }
  const cached = loaded !== undefined;
  if (!loaded) {
    const estimate = estimateBuild(params, { threads: options.threads ?? availableParallelism(), load: loadavg()[0]! });
    options.progress.note(
      `First run for this world: simulating ${fmt(params.items)} videos and ${fmt(params.users)} users, training embeddings and a ranker, ` +
        `and building a search index. About ${estimate.text} on this machine${estimate.busy ? ' (it is busy)' : ''}; ` +
        `${(estimate.bytes / 1e6).toFixed(0)} MB of disk in ${options.cacheRoot}. Later runs load it in seconds.`,
    );
    loaded = await build(params, dir, options);
  }
  const system = openServing(dir, loaded.meta, options.ef);
  const seconds = (options.clock() - started) / 1000;
  return { ...loaded, system, cached, seconds, dir, bytes: folderBytes(dir) };
}

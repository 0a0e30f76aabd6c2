import { availableParallelism } from 'node:os';
import { UserError } from '../errors.js';
import { buildAnnIndex, loadAnnIndex } from './ann.js';
import {
  cacheFiles, loadWorldArrays, readCacheMeta, resetCacheDir, saveWorldArrays, worldCacheDir, writeCacheMeta, CACHE_FORMAT,
  type CacheMeta,
} from './cache.js';
import type { ServingSystem } from './serve.js';
import { openFeatureStore, writeFeatureStore } from './store.js';
import { trainFromLogs } from './training.js';
import { generateWorld, type World, type WorldParams } from './world.js';

/** Reports long steps (ora in the terminal, nothing in tests or --json). */
export interface Progress {
  start(text: string): void;
  update(text: string): void;
  succeed(text: string): void;
  stop(): void;
}

export const silentProgress: Progress = { start() {}, update() {}, succeed() {}, stop() {} };

export interface Prepared {
  world: World;
  system: ServingSystem;
  meta: CacheMeta;
  cached: boolean;
  /** Seconds to build, or to load from the cache. */
  seconds: number;
  dir: string;
}

export interface PrepareOptions {
  cacheRoot: string;
  rebuild: boolean;
  progress: Progress;
  /** Milliseconds, for build-step durations. */
  clock: () => number;
  threads?: number;
}

function timed<T>(steps: Record<string, number>, name: string, clock: () => number, fn: () => T): T {
  const t = clock();
  const out = fn();
  steps[name] = (clock() - t) / 1000;
  return out;
}

function build(params: WorldParams, dir: string, options: PrepareOptions): { world: World; meta: CacheMeta } {
  const { progress, clock } = options;
  const files = cacheFiles(dir);
  const steps: Record<string, number> = {};
  const started = clock();
  resetCacheDir(dir);
  const fmt = (n: number) => n.toLocaleString('en-US');
  progress.start(`generating ${fmt(params.items)} videos and ${fmt(params.users)} users`);
  const world = timed(steps, 'world', clock, () => generateWorld(params));
  saveWorldArrays(dir, world);
  progress.succeed(`world generated in ${steps.world!.toFixed(1)} s`);
  progress.start('writing the feature store');
  timed(steps, 'featureStore', clock, () =>
    writeFeatureStore(files.store, world, (done) => progress.update(`writing the feature store (${fmt(done)} videos)`)),
  );
  progress.succeed(`feature store written in ${steps.featureStore!.toFixed(1)} s`);
  progress.start('simulating click logs and training the ranker');
  const trained = timed(steps, 'training', clock, () => trainFromLogs(world, params.seed));
  progress.succeed(`ranker trained on ${fmt(trained.trainImpressions)} logged impressions in ${steps.training!.toFixed(1)} s`);
  progress.start(`building the HNSW index over ${fmt(params.items)} embeddings`);
  timed(steps, 'index', clock, () => buildAnnIndex(world.itemEmbedding, world.dim, options.threads ?? availableParallelism()).save(files.index));
  progress.succeed(`index built in ${steps.index!.toFixed(1)} s`);
  const meta: CacheMeta = {
    format: CACHE_FORMAT,
    params,
    creators: world.creators,
    model: trained.model,
    heldOut: trained.heldOut,
    trainImpressions: trained.trainImpressions,
    buildSeconds: (clock() - started) / 1000,
    steps,
  };
  writeCacheMeta(dir, meta);
  return { world, meta };
}

function openServing(files: ReturnType<typeof cacheFiles>, dim: number, dir: string) {
  try {
    const store = openFeatureStore(files.store);
    return { store, index: loadAnnIndex(files.index, dim) };
  } catch (err) {
    throw new UserError(`the cached pipeline world in ${dir} could not be opened (${(err as Error).message}).`, {
      hint: 'Run again with --no-cache to rebuild it.',
    });
  }
}

/** Loads the world, store, model and index from the cache, building (and caching) them first when needed. */
export function prepare(params: WorldParams, options: PrepareOptions): Prepared {
  const dir = worldCacheDir(options.cacheRoot, params);
  const started = options.clock();
  let meta = options.rebuild ? undefined : readCacheMeta(dir);
  const cached = meta !== undefined;
  let world: World;
  if (meta) {
    options.progress.start('loading the cached world');
    try {
      world = loadWorldArrays(dir, meta);
    } catch (err) {
      throw new UserError(`the cached pipeline world in ${dir} is incomplete (${(err as Error).message}).`, {
        hint: 'Run again with --no-cache to rebuild it.',
      });
    }
  } else {
    ({ world, meta } = build(params, dir, options));
  }
  const files = cacheFiles(dir);
  const { store, index } = openServing(files, world.dim, dir);
  const system: ServingSystem = {
    store,
    index,
    model: meta.model,
    popular: store.list('popular'),
    fresh: store.list('fresh'),
    catalogueSize: params.items,
  };
  const seconds = (options.clock() - started) / 1000;
  if (cached) options.progress.succeed(`cached world loaded in ${seconds.toFixed(1)} s`);
  return { world, system, meta, cached, seconds, dir };
}

import type { RunParams, RunReport } from './evaluate.js';
import { gini } from './metrics.js';
import type { HeldOut } from './training.js';
import { DEFAULT_CONTENT_NOISE, type World, type WorldParams } from './world.js';

/** The `mlsd pipeline --json` object (shared/contracts.md), plus fields the contract allows us to add. */
export interface PipelineReport extends RunReport {
  params: {
    items: number; users: number; requests: number; seed: number; budgetMs: number;
    candidates: number; ranked: number; feed: number; diversity: number;
  };
  build: { seconds: number; cached: boolean; buildSeconds: number; steps: Record<string, number>; cacheDir: string; cacheBytes: number };
  embeddings: { trainingPairs: number; contentNoise: number; freshShare: number };
  ranker: HeldOut;
  world: { viewsGini: number; creators: number };
}

/** What the report needs of a prepared world (src/pipeline/io/build.ts makes one). */
export interface PreparedInfo {
  world: Pick<World, 'itemViews'>;
  meta: { params: WorldParams; creators: number; heldOut: HeldOut; trainingPairs: number; buildSeconds: number; steps: Record<string, number> };
  seconds: number;
  cached: boolean;
  dir: string;
  bytes: number;
}

export function pipelineReport(prepared: PreparedInfo, run: RunReport, params: Omit<RunParams, 'evalUsers' | 'warmup'> & { items: number; users: number }): PipelineReport {
  const { meta } = prepared;
  return {
    params: {
      items: params.items, users: params.users, requests: params.requests, seed: params.seed, budgetMs: params.budgetMs,
      candidates: params.candidates, ranked: params.ranked, feed: params.feed, diversity: params.lambda,
    },
    ...run,
    build: {
      seconds: prepared.seconds, cached: prepared.cached, buildSeconds: meta.buildSeconds, steps: meta.steps, cacheDir: prepared.dir, cacheBytes: prepared.bytes,
    },
    embeddings: {
      trainingPairs: meta.trainingPairs,
      contentNoise: meta.params.contentNoise ?? DEFAULT_CONTENT_NOISE,
      freshShare: run.quality.segments.fresh.share,
    },
    ranker: meta.heldOut,
    world: { viewsGini: gini(prepared.world.itemViews), creators: meta.creators },
  };
}

import { performance } from 'node:perf_hooks';
import type { Ctx } from '../context.js';
import { usageError } from '../errors.js';
import { cacheDir } from '../paths.js';
import type { Prepared } from '../pipeline/build.js';
import { terminalWidth } from '../ui/markdown.js';

export interface PipelineOptions {
  json?: boolean;
  items: number;
  users: number;
  requests: number;
  seed: number;
  candidates: number;
  ranked: number;
  feed: number;
  diversity: number;
  budget: number;
  cache: boolean;
  explain?: boolean | string;
}

/** Requests also scored against the exact scan and the ground truth (each costs two full scans). */
const EVAL_USERS = 200;
const WARMUP = 50;
const EXPLAIN_WARMUP = 20;

/**
 * Cross-flag checks commander cannot do alone; each failure is a usage error (exit 2). Returns the user to
 * explain: undefined for none, -1 for "the first request's user".
 */
export function checkPipelineOptions(o: PipelineOptions): number | undefined {
  if (o.candidates > o.items) {
    throw usageError(`--candidates (${o.candidates}) cannot exceed the catalogue (--items ${o.items}).`, 'Lower --candidates or raise --items.');
  }
  if (o.ranked > o.candidates) {
    throw usageError(`--ranked (${o.ranked}) cannot exceed --candidates (${o.candidates}).`, 'The ranker can only keep what it was sent.');
  }
  if (o.feed > o.ranked) {
    throw usageError(`--feed (${o.feed}) cannot exceed --ranked (${o.ranked}).`, 'Re-ranking picks the feed out of the ranked items.');
  }
  if (o.explain === undefined || o.explain === false) return undefined;
  if (o.explain === true) return -1;
  if (!/^\d+$/.test(o.explain) || Number(o.explain) >= o.users) {
    throw usageError(`--explain takes a user id from 0 to ${o.users - 1}, got "${o.explain}".`, 'Or give --explain alone to trace the first request.');
  }
  return Number(o.explain);
}

export async function pipeline(
  options: PipelineOptions,
  ctx: Pick<Ctx, 'out' | 'env' | 'color' | 'stderrIsTTY'>,
): Promise<void> {
  const explainUser = checkPipelineOptions(options);
  const [{ prepare }, { runRequests, requestUsers }, { pipelineReport }, { serveRequest }, view, { terminalProgress }] = await Promise.all([
    import('../pipeline/build.js'),
    import('../pipeline/evaluate.js'),
    import('../pipeline/report.js'),
    import('../pipeline/serve.js'),
    import('../ui/pipeline-view.js'),
    import('../ui/progress.js'),
  ]);
  const progress = await terminalProgress(!options.json && (ctx.stderrIsTTY ?? Boolean(process.stderr.isTTY)));
  const clock = () => performance.now();
  const worldParams = { items: options.items, users: options.users, seed: options.seed };
  let prepared: Prepared | undefined;
  try {
    prepared = prepare(worldParams, { cacheRoot: cacheDir(ctx.env), rebuild: !options.cache, progress, clock });
    const funnel = { candidates: options.candidates, ranked: options.ranked, feed: options.feed, lambda: options.diversity };
    if (explainUser !== undefined) {
      const [first, ...others] = requestUsers(options.users, EXPLAIN_WARMUP + 1, options.seed);
      // Warm the caches and the JIT on other users so the traced timings are typical, not a cold start.
      for (const u of others) serveRequest(prepared.system, u, funnel, clock);
      const user = explainUser >= 0 ? explainUser : first!;
      const served = serveRequest(prepared.system, user, funnel, clock);
      if (options.json) ctx.out(`${JSON.stringify(view.explainJson(served), null, 2)}\n`);
      else ctx.out(view.renderExplain(served, prepared.world, { color: ctx.color, width: terminalWidth() }));
      return;
    }
    progress.start(`serving ${options.requests.toLocaleString('en-US')} requests and scoring them`);
    const run = runRequests(prepared.system, prepared.world, {
      ...funnel, requests: options.requests, seed: options.seed, budgetMs: options.budget, evalUsers: EVAL_USERS, warmup: WARMUP,
    }, clock);
    progress.stop();
    const report = {
      ...pipelineReport(prepared, run, { ...worldParams, ...funnel, requests: options.requests, budgetMs: options.budget }),
      process: { peakRssMb: process.resourceUsage().maxRSS / 1024 },
    };
    ctx.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : view.renderPipeline(report, { color: ctx.color, width: terminalWidth() }));
  } finally {
    progress.stop();
    prepared?.system.store.close();
  }
}

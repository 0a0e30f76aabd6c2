import { performance } from 'node:perf_hooks';
import type { Ctx } from '../context.js';
import { InterruptedError, usageError } from '../errors.js';
import { cacheDir } from '../paths.js';
import type { Prepared, PrepareOptions } from '../pipeline/io/build.js';
import type { WorldParams } from '../pipeline/world.js';

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
  /** `<knob>=<v1,v2,…>`: one run per value on the cached world. */
  sweep?: string;
}

/**
 * Requests also scored against the exact scan and the ground truth (each costs about three full scans: 60 ms at
 * 1M videos). 100 users put index recall within ±0.015 and NDCG@10 within ±0.02 (two standard errors).
 */
const EVAL_USERS = 100;
const WARMUP = 50;
const EXPLAIN_WARMUP = 20;
const KNOB_NAMES = ['candidates', 'ef', 'diversity', 'noise'] as const;
type KnobName = (typeof KNOB_NAMES)[number];

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
  if (o.sweep !== undefined) throw usageError('--explain and --sweep cannot be combined.', 'Trace one request, or sweep a knob, not both.');
  if (o.explain === true) return -1;
  if (!/^\d+$/.test(o.explain) || Number(o.explain) >= o.users) {
    throw usageError(`--explain takes a user id from 0 to ${o.users - 1}, got "${o.explain}".`, 'Or give --explain alone to trace the first request.');
  }
  return Number(o.explain);
}

/** `candidates=200,500,1000` → the knob and its values, each checked against the knob's range. */
export async function parseSweep(text: string, o: PipelineOptions): Promise<{ knob: KnobName; values: number[] }> {
  const { KNOBS } = await import('../pipeline/sweep.js');
  const hint = `Give --sweep <knob>=<v1,v2,…> with a knob among ${KNOB_NAMES.join(', ')}, e.g. --sweep candidates=200,500,1000.`;
  const m = /^([a-z]+)=(.+)$/.exec(text.trim());
  if (!m) throw usageError(`--sweep "${text}" is not <knob>=<values>.`, hint);
  const knob = m[1] as KnobName;
  if (!KNOB_NAMES.includes(knob)) throw usageError(`--sweep: unknown knob "${m[1]}".`, hint);
  const spec = KNOBS[knob];
  const values = m[2]!.split(',').map((v) => v.trim());
  const numbers = values.map((v) => {
    const n = Number(v);
    const ok = v !== '' && Number.isFinite(n) && (!spec.integer || Number.isInteger(n)) && n >= spec.min && n <= spec.max;
    if (!ok) throw usageError(`--sweep ${knob}: "${v}" is not ${spec.integer ? 'a whole number' : 'a number'} from ${spec.min} to ${spec.max}.`, hint);
    return n;
  });
  if (knob === 'candidates') {
    for (const n of numbers) {
      if (n < o.ranked || n > o.items) throw usageError(`--sweep candidates: ${n} must be from --ranked (${o.ranked}) to --items (${o.items}).`, hint);
    }
  }
  return { knob, values: numbers };
}

/** Aborts the build on Ctrl-C (or a kill) so it can remove its unfinished folder before the process ends. */
function interruptible(): { signal: AbortSignal; received: () => NodeJS.Signals | undefined; release: () => void } {
  const controller = new AbortController();
  let received: NodeJS.Signals | undefined;
  const on = (sig: NodeJS.Signals) => {
    received = sig;
    controller.abort();
  };
  process.on('SIGINT', on);
  process.on('SIGTERM', on);
  return {
    signal: controller.signal,
    received: () => received,
    release: () => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
    },
  };
}

export async function pipeline(
  options: PipelineOptions,
  ctx: Pick<Ctx, 'out' | 'err' | 'env' | 'color' | 'stderrIsTTY' | 'width'>,
): Promise<void> {
  const explainUser = checkPipelineOptions(options);
  const sweep = options.sweep === undefined ? undefined : await parseSweep(options.sweep, options);
  const [{ prepare, openServing }, { runRequests, requestUsers, baselinesOf }, { pipelineReport }, { serveRequest }, view, { terminalProgress },
    { BuildInterrupted }, sweeps] = await Promise.all([
    import('../pipeline/io/build.js'),
    import('../pipeline/evaluate.js'),
    import('../pipeline/report.js'),
    import('../pipeline/serve.js'),
    import('../ui/pipeline-view.js'),
    import('../ui/progress.js'),
    import('../pipeline/errors.js'),
    import('../pipeline/sweep.js'),
  ]);
  const width = ctx.width;
  const progress = terminalProgress({ bars: !options.json && ctx.stderrIsTTY, notes: !options.json }, { write: ctx.err, columns: width });
  const clock = () => performance.now();
  const baseParams: WorldParams = { items: options.items, users: options.users, seed: options.seed };
  const opened: Prepared[] = [];
  const open = async (params: WorldParams): Promise<Prepared> => {
    // Only while building: elsewhere Ctrl-C ends the process at once, as by default.
    const interrupt = interruptible();
    const prepareOptions: PrepareOptions = {
      cacheRoot: cacheDir(ctx.env), rebuild: !options.cache, progress, clock, signal: interrupt.signal,
      warn: (text) => {
        progress.stop();
        ctx.err(`${text}\n`);
      },
    };
    try {
      const p = await prepare(params, prepareOptions);
      opened.push(p);
      return p;
    } catch (err) {
      if (err instanceof BuildInterrupted) throw new InterruptedError(`Interrupted: ${err.message}`, interrupt.received() === 'SIGTERM' ? 'SIGTERM' : 'SIGINT');
      throw err;
    } finally {
      interrupt.release();
    }
  };
  const funnel = { candidates: options.candidates, ranked: options.ranked, feed: options.feed, lambda: options.diversity };
  const runParams = { requests: options.requests, seed: options.seed, budgetMs: options.budget, evalUsers: EVAL_USERS, warmup: WARMUP };
  const measure = (p: Prepared, f: typeof funnel, system = p.system) => {
    const s = progress.step(`serving ${options.requests.toLocaleString('en-US')} requests and scoring them`, 1, 'runs');
    const run = runRequests(system, p.world, { ...f, ...runParams }, clock, baselinesOf({ ...p, system, oracleModel: p.meta.oracleModel }));
    s.finish('requests served and scored');
    return run;
  };
  try {
    if (sweep) {
      const points = [];
      let first: Prepared | undefined;
      for (const value of sweep.values) {
        const p = sweep.knob === 'noise' ? await open({ ...baseParams, contentNoise: value }) : (first ??= await open(baseParams));
        if (sweep.knob === 'ef') {
          const system = openServing(p.dir, p.meta, value);
          try {
            points.push(sweeps.sweepPoint(value, measure(p, funnel, system)));
          } finally {
            system.store.close();
          }
        } else {
          const f = { ...funnel, ...(sweep.knob === 'candidates' ? { candidates: value } : sweep.knob === 'diversity' ? { lambda: value } : {}) };
          points.push(sweeps.sweepPoint(value, measure(p, f)));
        }
      }
      const result = { knob: sweep.knob, points };
      ctx.out(options.json ? `${JSON.stringify(result, null, 2)}\n` : view.renderSweep(result, sweeps.sweepSummary(result), { color: ctx.color, width }));
      return;
    }
    const prepared = await open(baseParams);
    if (explainUser !== undefined) {
      const [first, ...others] = requestUsers(options.users, EXPLAIN_WARMUP + 1, options.seed);
      // Warm the caches and the JIT on other users so the traced timings are typical, not a cold start.
      for (const u of others) serveRequest(prepared.system, u, funnel, clock);
      const user = explainUser >= 0 ? explainUser : first!;
      const served = serveRequest(prepared.system, user, funnel, clock);
      if (options.json) ctx.out(`${JSON.stringify(view.explainJson(served, prepared.system.model), null, 2)}\n`);
      else ctx.out(view.renderExplain(served, prepared.world, prepared.system.model, { color: ctx.color, width }));
      return;
    }
    const run = measure(prepared, funnel);
    const report = {
      ...pipelineReport(prepared, run, { ...baseParams, ...funnel, ...runParams }),
      process: { peakRssMb: process.resourceUsage().maxRSS / 1024 },
    };
    ctx.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : view.renderPipeline(report, { color: ctx.color, width }));
  } finally {
    progress.stop();
    for (const p of opened) p.system.store.close();
  }
}

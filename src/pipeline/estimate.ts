import type { WorldParams } from './world.js';

/**
 * Rough cost of a first build on a quiet 2-core machine: the index (≈ 61 s per million videos, measured by
 * `npm run bench:pipeline`) grows a little faster than the catalogue; the rest — world, logs, 4 passes of
 * embedding training at ≈ 7 s of CPU each, rankers, feature store, checksums, ≈ 43 s at 1M videos and 100k
 * users — grows with videos and users. Disk: 995 MB measured for 1M videos and 100k users.
 */
const SECONDS_PER_MILLION = { index: 61, rest: 39 };
const BYTES = { perVideo: 915, perUser: 800 };

export interface BuildEstimate {
  seconds: number;
  bytes: number;
  /** "2 min", "40 s". */
  text: string;
  busy: boolean;
}

/** `load` is the one-minute load average; work other processes do slows the build in proportion. */
export function estimateBuild(p: WorldParams, machine: { threads: number; load: number }): BuildEstimate {
  const millions = p.items / 1e6;
  const index = SECONDS_PER_MILLION.index * millions * (Math.log(p.items) / Math.log(1e6)) * (2 / Math.max(1, machine.threads));
  const rest = SECONDS_PER_MILLION.rest * (millions + p.users / 1e6);
  const slowdown = Math.max(1, (machine.load + 1) / Math.max(1, machine.threads));
  const seconds = (index + rest) * slowdown;
  const text = seconds < 90 ? `${Math.max(5, Math.round(seconds / 5) * 5)} s` : `${Math.round(seconds / 60)} min`;
  return { seconds, bytes: p.items * BYTES.perVideo + p.users * BYTES.perUser, text, busy: slowdown > 1.5 };
}

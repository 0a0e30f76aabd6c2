import type { WorldParams } from './world.js';

/**
 * Rough cost of a first build, from runs of `npm run bench:pipeline` on a quiet 2-core machine: the index is
 * most of it and grows a little faster than the catalogue; everything else grows with videos and users.
 */
const SECONDS_PER_MILLION = { index: 84, rest: 30 };
const BYTES = { perVideo: 720, perUser: 560 };

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

import type { Severity } from '../content/schema.js';
import { LEVELS, type Level } from '../levels.js';
import type { Cap, RedFlag } from './types.js';

/**
 * What a red flag costs. A minor mistake takes a few points off; a major one also holds the verdict at mid, a
 * disqualifying one at none, and takes enough off the total that one such mistake outweighs a well-covered phase.
 */
export const RED_FLAG_COSTS: Record<Severity, { deduction: number; cap: Cap | null }> = {
  minor: { deduction: 3, cap: null },
  major: { deduction: 8, cap: 'mid' },
  disqualifying: { deduction: 20, cap: 'none' },
};

const order = (level: Level | 'none') => (level === 'none' ? -1 : LEVELS.indexOf(level));

/** A grade saved before red flags existed, with the fields every grade now has (none found, no cap). */
export function withRedFlagFields<T extends { redFlags?: RedFlag[]; cap?: Cap | null }>(grade: T): T & { redFlags: RedFlag[]; cap: Cap | null } {
  return { ...grade, redFlags: grade.redFlags ?? [], cap: grade.cap ?? null };
}

/** The strictest cap among the flags, or null. */
export function capOf(flags: readonly Pick<RedFlag, 'cap'>[]): Cap | null {
  if (flags.some((f) => f.cap === 'none')) return 'none';
  return flags.some((f) => f.cap === 'mid') ? 'mid' : null;
}

/** The total and verdict after the flags' deductions and cap. */
export function applyRedFlags(total: number, level: Level | 'none', flags: readonly RedFlag[]): { total: number; level: Level | 'none'; cap: Cap | null } {
  const cap = capOf(flags);
  const deducted = flags.reduce((n, f) => n + f.deduction, 0);
  const capped = cap !== null && order(level) > order(cap) ? cap : level;
  return { total: Math.max(0, Math.round((total - deducted) * 10) / 10), level: capped, cap };
}

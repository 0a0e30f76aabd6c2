import { DEFAULT_TIME_BUDGET, type Prompt, type TimeBudget } from '../content/schema.js';
import { PHASE_IDS, type PhaseId } from '../phases.js';
import type { PlanStep, StepId } from './types.js';

export const INTERVIEW_STEPS: readonly StepId[] = ['clarifying', ...PHASE_IDS];

const MINUTE = 60_000;

/**
 * Splits a round of `minutes` over its steps in proportion to the prompt's time budget (percentages). The
 * budgets always add up to the round's length exactly, in half minutes when the round is long enough for every
 * step to get at least one (a plan of 3:30 and 12:00 is easier to keep to than one of 3:36 and 12:09), else in
 * whole seconds.
 */
export function interviewPlan(prompt: Pick<Prompt, 'timeBudget'>, minutes: number): PlanStep[] {
  return splitPlan(prompt.timeBudget ?? DEFAULT_TIME_BUDGET, INTERVIEW_STEPS, minutes);
}

/** A practice drill: one phase with the whole clock. */
export function practicePlan(phase: PhaseId, minutes: number): PlanStep[] {
  return [{ step: phase, budgetMs: minutes * MINUTE }];
}

/** Budgets are given in half minutes when the round holds at least two of them per step. */
const HALF_MINUTE = 30;

export function splitPlan(budget: TimeBudget, steps: readonly StepId[], minutes: number): PlanStep[] {
  const totalSeconds = minutes * 60;
  const shares = steps.map((s) => budget[s]);
  if (totalSeconds / HALF_MINUTE >= 2 * steps.length) {
    const halves = inUnits(shares, totalSeconds / HALF_MINUTE);
    if (halves.every((n, i) => n > 0 || shares[i] === 0)) return steps.map((step, i) => ({ step, budgetMs: halves[i]! * HALF_MINUTE * 1000 }));
  }
  const seconds = inUnits(shares, totalSeconds);
  return steps.map((step, i) => ({ step, budgetMs: seconds[i]! * 1000 }));
}

/** `units` split in proportion to `shares`, in whole units that add up to `units` exactly. */
function inUnits(shares: readonly number[], units: number): number[] {
  const sum = shares.reduce((a, b) => a + b, 0) || 1;
  // Largest remainder: each step gets the whole units of its exact share, and the units left over go to the steps
  // that lost the most to rounding down, so the total is exact and no step is off by a unit. On a tie the larger
  // share goes first, then the earlier step.
  const exact = shares.map((share) => (units * share) / sum);
  const given = exact.map(Math.floor);
  const left = units - given.reduce((a, b) => a + b, 0);
  const rest = (i: number) => Math.round((exact[i]! - given[i]!) * 1e9);
  const byRemainder = exact.map((_, i) => i).sort((a, b) => rest(b) - rest(a) || shares[b]! - shares[a]! || a - b);
  for (const i of byRemainder.slice(0, left)) given[i]! += 1;
  return given;
}

export function planTotalMs(plan: readonly PlanStep[]): number {
  return plan.reduce((a, s) => a + s.budgetMs, 0);
}

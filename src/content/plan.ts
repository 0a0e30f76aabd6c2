import { PHASE_IDS } from '../phases.js';
import { DEFAULT_TIME_BUDGET, type TimeBudget } from './schema.js';

export const PLAN_STEPS = ['clarifying', ...PHASE_IDS] as const;
export type PlanStep = (typeof PLAN_STEPS)[number];

/**
 * Whole minutes per step for a round of `totalMinutes`, in proportion to the budget's percentages. Uses the
 * largest remainder so the steps add up to exactly the round's length.
 */
export function planMinutes(budget: TimeBudget = DEFAULT_TIME_BUDGET, totalMinutes = 45): Record<PlanStep, number> {
  const sum = PLAN_STEPS.reduce((acc, step) => acc + budget[step], 0) || 1;
  const exact = PLAN_STEPS.map((step) => ({ step, value: (budget[step] / sum) * totalMinutes }));
  const minutes = new Map(exact.map(({ step, value }) => [step, Math.floor(value)]));
  let left = totalMinutes - [...minutes.values()].reduce((a, b) => a + b, 0);
  const byRemainder = [...exact].sort((a, b) => (b.value % 1) - (a.value % 1) || PLAN_STEPS.indexOf(a.step) - PLAN_STEPS.indexOf(b.step));
  for (const { step } of byRemainder) {
    if (left <= 0) break;
    minutes.set(step, minutes.get(step)! + 1);
    left--;
  }
  return Object.fromEntries(PLAN_STEPS.map((s) => [s, minutes.get(s)!])) as Record<PlanStep, number>;
}

import { DEFAULT_TIME_BUDGET, type Prompt, type TimeBudget } from '../content/schema.js';
import { PHASE_IDS, type PhaseId } from '../phases.js';
import type { PlanStep, StepId } from './types.js';

export const INTERVIEW_STEPS: readonly StepId[] = ['clarifying', ...PHASE_IDS];

const MINUTE = 60_000;

/**
 * Splits a round of `minutes` over its steps in proportion to the prompt's time budget (percentages). The
 * budgets are whole seconds and always add up to the round's length exactly.
 */
export function interviewPlan(prompt: Pick<Prompt, 'timeBudget'>, minutes: number): PlanStep[] {
  return splitPlan(prompt.timeBudget ?? DEFAULT_TIME_BUDGET, INTERVIEW_STEPS, minutes);
}

/** A practice drill: one phase with the whole clock. */
export function practicePlan(phase: PhaseId, minutes: number): PlanStep[] {
  return [{ step: phase, budgetMs: minutes * MINUTE }];
}

export function splitPlan(budget: TimeBudget, steps: readonly StepId[], minutes: number): PlanStep[] {
  const totalSeconds = minutes * 60;
  const shares = steps.map((s) => budget[s]);
  const sum = shares.reduce((a, b) => a + b, 0) || 1;
  let given = 0;
  return steps.map((step, i) => {
    const last = i === steps.length - 1;
    const seconds = last ? totalSeconds - given : Math.round((totalSeconds * shares[i]!) / sum);
    given += seconds;
    return { step, budgetMs: seconds * 1000 };
  });
}

export function planTotalMs(plan: readonly PlanStep[]): number {
  return plan.reduce((a, s) => a + s.budgetMs, 0);
}

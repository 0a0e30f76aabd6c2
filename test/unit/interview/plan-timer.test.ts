import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_BUDGET } from '../../../src/content/schema.js';
import { interviewPlan, planTotalMs, practicePlan } from '../../../src/interview/plan.js';
import { formatClock, readClock, startStep, type Clock } from '../../../src/interview/timer.js';

describe('interviewPlan', () => {
  it.each([45, 30, 5, 7, 1, 120])('splits %i minutes so the budgets sum to the round exactly', (minutes) => {
    const plan = interviewPlan({}, minutes);
    expect(plan.map((s) => s.step)).toEqual(['clarifying', 'requirements', 'metrics', 'data', 'models', 'serving', 'monitoring']);
    expect(planTotalMs(plan)).toBe(minutes * 60_000);
    for (const s of plan) expect(s.budgetMs % 1000).toBe(0);
  });

  it('follows the default split: models the largest, clarifying a tenth', () => {
    const plan = interviewPlan({}, 50);
    const ms = Object.fromEntries(plan.map((s) => [s.step, s.budgetMs]));
    expect(ms.clarifying).toBe(5 * 60_000);
    expect(ms.models).toBe(13 * 60_000);
    expect(Math.max(...plan.map((s) => s.budgetMs))).toBe(ms.models);
  });

  it('gives half-minute budgets in a round long enough for them, so a plan reads 3:30 and 12:00, not 3:36 and 12:09', () => {
    for (const minutes of [10, 30, 45, 60, 120]) {
      const plan = interviewPlan({ timeBudget: { ...DEFAULT_TIME_BUDGET, clarifying: 8, requirements: 8, metrics: 12, data: 15, models: 27, serving: 20, monitoring: 10 } }, minutes);
      for (const s of plan) expect(s.budgetMs % 30_000, `${minutes} min, ${s.step}`).toBe(0);
      for (const s of plan) expect(s.budgetMs).toBeGreaterThan(0);
      expect(planTotalMs(plan)).toBe(minutes * 60_000);
    }
  });

  it('keeps each half-minute budget within half a minute of its exact share', () => {
    const budget = { ...DEFAULT_TIME_BUDGET, clarifying: 8, requirements: 8, metrics: 12, data: 15, models: 27, serving: 20, monitoring: 10 };
    const plan = interviewPlan({ timeBudget: budget }, 45);
    for (const s of plan) expect(Math.abs(s.budgetMs - (45 * 60_000 * budget[s.step]) / 100)).toBeLessThanOrEqual(30_000);
  });

  it('gives steps with equal shares equal budgets when it rounds to half minutes', () => {
    const ms = Object.fromEntries(interviewPlan({}, 45).map((s) => [s.step, s.budgetMs]));
    expect(ms.data).toBe(ms.serving);
    expect(ms.clarifying).toBe(ms.requirements);
  });

  it("uses the prompt's own time budget when it has one", () => {
    const timeBudget = { ...DEFAULT_TIME_BUDGET, clarifying: 20, models: 16 };
    const plan = interviewPlan({ timeBudget }, 10);
    expect(plan[0]).toEqual({ step: 'clarifying', budgetMs: 120_000 });
  });

  it('gives a practice drill one phase with the whole clock', () => {
    expect(practicePlan('serving', 10)).toEqual([{ step: 'serving', budgetMs: 600_000 }]);
  });
});

describe('readClock', () => {
  const clock: Clock = { startedAt: 0, totalMs: 600_000, stepStartedAt: 0, stepBudgetMs: 120_000 };
  it.each([
    ['at the start', clock, 0, { stepLeftMs: 120_000, totalLeftMs: 600_000, overrunMs: 0, timeUp: false }],
    ['within the step', clock, 90_000, { stepLeftMs: 30_000, totalLeftMs: 510_000, overrunMs: 0, timeUp: false }],
    ['over the step budget', clock, 150_000, { stepLeftMs: -30_000, totalLeftMs: 450_000, overrunMs: 30_000, timeUp: false }],
    ['a later step', startStep(clock, 60_000, 300_000), 330_000, { stepElapsedMs: 30_000, stepLeftMs: 30_000, totalLeftMs: 270_000 }],
    ['total time up', startStep(clock, 60_000, 550_000), 600_000, { totalLeftMs: 0, timeUp: true, overrunMs: 0 }],
    ['resumed: a new sitting with the remaining steps', { startedAt: 1e9, totalMs: 240_000, stepStartedAt: 1e9, stepBudgetMs: 120_000 }, 1e9 + 60_000, { stepLeftMs: 60_000, totalLeftMs: 180_000, timeUp: false }],
  ])('%s', (_name, c, now, expected) => {
    expect(readClock(c, now)).toMatchObject(expected);
  });
});

describe('formatClock', () => {
  it.each([
    [0, '00:00'],
    [59_999, '00:59'],
    [61_000, '01:01'],
    [90 * 60_000, '90:00'],
    [-30_000, '-00:30'],
  ])('%i ms → %s', (ms, text) => expect(formatClock(ms)).toBe(text));
});

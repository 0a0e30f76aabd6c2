import { describe, expect, it } from 'vitest';
import { practicePlan } from '../../../src/interview/plan.js';
import { planView, timeTable } from '../../../src/ui/interview-view.js';

describe('the plan and the time table', () => {
  it.each([
    [1, 'The plan: 1 minute\n'],
    [10, 'The plan: 10 minutes\n'],
  ])('a %i-minute drill is announced in good English', (minutes, head) => {
    expect(planView(practicePlan('metrics', minutes), minutes, { color: false, timer: true })).toMatch(new RegExp(`^${head}`));
  });

  it.each([
    [60_000, '✓'],
    [60_004, '✓'],
    [60_999, '✓'],
    [61_000, 'over by 0:01'],
    [95_000, 'over by 0:35'],
  ])('%i ms spent of a 1:00 budget reads "%s"', (spentMs, verdict) => {
    const table = timeTable([{ step: 'metrics', budgetMs: 60_000, spentMs, overrunMs: Math.max(0, spentMs - 60_000) }], { color: false });
    expect(table.split('\n')[1]).toMatch(new RegExp(`Metrics +\\d:\\d\\d / +1:00 ${verdict}$`));
  });
});

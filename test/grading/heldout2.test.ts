import { beforeAll, describe, expect, it } from 'vitest';
import type { Grade } from '../../src/grading/index.js';
import { heldOutSet, type HeldOutLabel } from './helpers.js';

/**
 * A second held-out set, written from `mlsd show` and `mlsd guide` alone, before anyone tuned on it.
 * Each prompt uses a different format: the six standard headings (video), the author's own headings (ads),
 * and bullet notes in non-native English (harmful content). Expectations the grader does not meet yet run
 * as it.fails, so they turn red — and should become plain `it` — once the grader is fixed.
 */
const PROMPT_IDS = ['video-recommendations', 'ads-click-prediction', 'harmful-content-detection'] as const;
const { hasContent, grade, knownGap } = heldOutSet('heldout2', PROMPT_IDS);

describe.skipIf(!hasContent).each(PROMPT_IDS)('second held-out set for %s', (promptId) => {
  let grades: Map<HeldOutLabel, Grade>;
  const g = (label: HeldOutLabel) => grades.get(label)!;

  beforeAll(async () => {
    grades = await grade(promptId);
  });

  it('orders the levels: staff > senior > mid > weak', () => {
    expect(g('staff').total).toBeGreaterThan(g('senior').total);
    expect(g('senior').total).toBeGreaterThan(g('mid').total + 20);
    expect(g('mid').total).toBeGreaterThan(g('weak').total);
  });

  // Video: the senior answer earns four staff criteria honestly and lands within 10 points of the staff one
  // (docs/evaluation.md); the gap cleared 10 briefly, before passages grew to three sentences.
  knownGap(['video-recommendations'], promptId)('keeps a clear gap between the staff and senior answers', () => {
    expect(g('staff').total).toBeGreaterThan(g('senior').total + 10);
  });

  it('gives the staff answer a staff or senior verdict and the weak answer none', () => {
    expect(['staff', 'senior']).toContain(g('staff').level);
    expect(g('staff').total).toBeGreaterThanOrEqual(70);
    expect(g('weak').level).toBe('none');
    expect(g('weak').total).toBeLessThan(5);
  });

  // Video's senior answer cleared the old staff bar (40% of staff weight) with half of it; the bar is 55% now.
  it('gives the senior answer a senior verdict', () => {
    expect(g('senior').level).toBe('senior');
  });

  // Ads: the terse mid answer sat just under the mid bar until "users/day", "Label 1 if clicked" and "New ads:
  // use advertiser and category features" were read for what they say.
  it('gives the mid answer a mid verdict', () => {
    expect(g('mid').level).toBe('mid');
  });

  it('keeps the mid answer well above the weak one', () => {
    expect(g('mid').total).toBeGreaterThan(g('weak').total + 15);
  });
});

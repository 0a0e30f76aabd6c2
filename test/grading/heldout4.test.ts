import { beforeAll, describe, expect, it } from 'vitest';
import type { Grade } from '../../src/grading/index.js';
import { heldOutSet, type HeldOutLabel } from './helpers.js';

/**
 * A fourth held-out set for two prompts written at the same time as their content, from the candidate's
 * statements and `mlsd guide` alone. Product search uses the six standard headings in fluent prose; payment fraud
 * uses the author's own headings in terse notes. Expectations the grader does not meet yet run as it.fails
 * (docs/evaluation.md), so they turn red — and should become plain `it` — once the grader is fixed.
 */
const PROMPT_IDS = ['product-search-ranking', 'payment-fraud-detection'] as const;
const { hasContent, grade, knownGap } = heldOutSet('heldout4', PROMPT_IDS);

describe.skipIf(!hasContent).each(PROMPT_IDS)('fourth held-out set for %s', (promptId) => {
  let grades: Map<HeldOutLabel, Grade>;
  const g = (label: HeldOutLabel) => grades.get(label)!;

  beforeAll(async () => {
    grades = await grade(promptId);
  });

  it('orders the levels: staff > senior > mid > weak', () => {
    expect(g('staff').total).toBeGreaterThan(g('senior').total);
    expect(g('senior').total).toBeGreaterThan(g('mid').total);
    expect(g('mid').total).toBeGreaterThan(g('weak').total);
  });

  it('keeps clear gaps between neighbouring levels', () => {
    expect(g('staff').total).toBeGreaterThan(g('senior').total + 10);
    expect(g('senior').total).toBeGreaterThan(g('mid').total + 10);
    expect(g('mid').total).toBeGreaterThan(g('weak').total + 10);
  });

  it('gives the staff answer a staff or senior verdict', () => {
    expect(['staff', 'senior']).toContain(g('staff').level);
    expect(g('staff').total).toBeGreaterThanOrEqual(70);
  });

  // Fraud: failed when first graded (41.3, mid): "so no leakage" read as a negation, negation running past "→",
  // and phrasings the concept groups lacked ("model down", "canary"). Fixed since.
  it('gives the senior answer a senior verdict', () => {
    expect(g('senior').level).toBe('senior');
  });

  it('gives the mid answer a mid verdict', () => {
    expect(g('mid').level).toBe('mid');
  });

  // Fraud: "Measuring it", "In the payment flow" and "Keeping up with fraudsters" named no phase until the heading
  // lists grew.
  it("maps the staff answer's own headings to phases", () => {
    expect(g('staff').signals.structure).toBeGreaterThanOrEqual(80);
  });

  // Fraud: the staff answer weighs alternatives in notes ("Why: …", "Rejected: … (latency, explainability)"),
  // which the trade-off signal's connectives do not catch.
  knownGap(['payment-fraud-detection'], promptId)('sees the staff answer weigh alternatives', () => {
    expect(g('staff').signals.tradeoffs).toBeGreaterThanOrEqual(50);
  });

  it('gives the weak answer no level and almost no points', () => {
    expect(g('weak').level).toBe('none');
    expect(g('weak').total).toBeLessThan(5);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Grade } from '../../../src/grading/index.js';
import { promptsDir } from '../../../src/paths.js';
import { gradeAgainst } from '../../helpers/grading.js';

/**
 * The held-out answer sets under test/fixtures/heldout*: each written before its authors read the rubric or
 * the grader. Only the orderings and bands that hold are asserted; an expectation the grader does not meet yet
 * is listed in `knownGap` and runs as it.fails (docs/evaluation.md), so it turns red — and should lose its
 * `knownGap` — once the grader is fixed.
 */
type G = (label: string) => Grade;

interface Expectation {
  title: string;
  check: (g: G) => void;
  /** Prompts this expectation does not apply to (skipped there). */
  only?: (promptId: string) => boolean;
  /** Prompts where the grader falls short of it today. */
  knownGap?: readonly string[];
}

interface HeldOutSet {
  folder: string;
  title: string;
  promptIds: readonly string[];
  /** The answers graded for each prompt; one whose file is absent is skipped. */
  labels: readonly string[];
  expectations: Expectation[];
}

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');

const SETS: HeldOutSet[] = [
  {
    // Written from each prompt's statement alone. `mid-2` is a second plain mid answer in another voice,
    // written after the ads and harmful rubrics were recalibrated.
    folder: 'heldout',
    title: 'held-out answers',
    promptIds: ['video-recommendations', 'ads-click-prediction', 'harmful-content-detection'],
    labels: ['strong', 'senior', 'mid', 'weak', 'bullets', 'gamed', 'mid-2'],
    expectations: [
      {
        title: 'orders quality: strong > senior > mid > weak',
        check: (g) => {
          expect(g('strong').total).toBeGreaterThan(g('senior').total + 10);
          expect(g('senior').total).toBeGreaterThan(g('mid').total + 10);
          expect(g('mid').total).toBeGreaterThan(g('weak').total + 10);
        },
      },
      {
        title: 'places the second plain mid answer well between weak and strong',
        only: (id) => existsSync(join(fixtures, 'heldout', id, 'mid-2.md')),
        check: (g) => {
          expect(g('mid-2').total).toBeGreaterThan(g('weak').total + 15);
          expect(g('mid-2').total).toBeLessThan(g('strong').total - 30);
        },
      },
      {
        title: 'gives the second plain mid answer verdict mid',
        only: (id) => existsSync(join(fixtures, 'heldout', id, 'mid-2.md')),
        check: (g) => expect(g('mid-2').level).toBe('mid'),
      },
      { title: 'gives the plain mid answer verdict mid', check: (g) => expect(g('mid').level).toBe('mid') },
      {
        title: 'gives a strong answer a staff or senior verdict and a weak one none',
        check: (g) => {
          expect(['staff', 'senior']).toContain(g('strong').level);
          expect(g('strong').total).toBeGreaterThanOrEqual(70);
          expect(g('weak').level).toBe('none');
          expect(g('weak').total).toBeLessThan(5);
        },
      },
      {
        title: 'scores genuine bullet notes well above a weak answer, at least as high as the plain mid answer',
        check: (g) => {
          expect(g('bullets').total).toBeGreaterThanOrEqual(20);
          expect(g('bullets').total).toBeGreaterThan(g('weak').total + 15);
          expect(g('bullets').total).toBeGreaterThanOrEqual(g('mid').total);
        },
      },
      {
        title: 'keeps the gamed answer far below the senior answer, with verdict none',
        check: (g) => {
          expect(g('gamed').total).toBeLessThan(g('senior').total - 20);
          expect(g('gamed').level).toBe('none');
        },
      },
      { title: 'scores the gamed answer below the plain mid answer', check: (g) => expect(g('gamed').total).toBeLessThan(g('mid').total) },
    ],
  },
  {
    // Written from `mlsd show` and `mlsd guide` alone, before anyone tuned on it. Each prompt uses a different
    // format: the six standard headings (video), the author's own headings (ads), and bullet notes in non-native
    // English (harmful content).
    folder: 'heldout2',
    title: 'second held-out set',
    promptIds: ['video-recommendations', 'ads-click-prediction', 'harmful-content-detection'],
    labels: ['staff', 'senior', 'mid', 'weak'],
    expectations: [
      {
        title: 'orders the levels: staff > senior > mid > weak',
        check: (g) => {
          expect(g('staff').total).toBeGreaterThan(g('senior').total);
          expect(g('senior').total).toBeGreaterThan(g('mid').total + 20);
          expect(g('mid').total).toBeGreaterThan(g('weak').total);
        },
      },
      {
        // Video: the senior answer earns four staff criteria honestly and lands within 10 points of the staff one
        // (docs/evaluation.md); the gap cleared 10 briefly, before passages grew to three sentences.
        title: 'keeps a clear gap between the staff and senior answers',
        knownGap: ['video-recommendations'],
        check: (g) => expect(g('staff').total).toBeGreaterThan(g('senior').total + 10),
      },
      {
        title: 'gives the staff answer a staff or senior verdict and the weak answer none',
        check: (g) => {
          expect(['staff', 'senior']).toContain(g('staff').level);
          expect(g('staff').total).toBeGreaterThanOrEqual(70);
          expect(g('weak').level).toBe('none');
          expect(g('weak').total).toBeLessThan(5);
        },
      },
      // Video's senior answer cleared the old staff bar (40% of staff weight) with half of it; the bar is 55% now.
      { title: 'gives the senior answer a senior verdict', check: (g) => expect(g('senior').level).toBe('senior') },
      // Ads: the terse mid answer sat just under the mid bar until "users/day", "Label 1 if clicked" and "New ads:
      // use advertiser and category features" were read for what they say.
      { title: 'gives the mid answer a mid verdict', check: (g) => expect(g('mid').level).toBe('mid') },
      { title: 'keeps the mid answer well above the weak one', check: (g) => expect(g('mid').total).toBeGreaterThan(g('weak').total + 15) },
    ],
  },
  {
    // About paraphrase: by authors who explain ideas in plain words more often than they name them ("test it on
    // the week after" for a temporal split); test/fixtures/heldout3/KEY.md lists every paraphrased idea with its
    // standard term. Formats: six standard headings (video), the author's own headings (ads), a flowing essay
    // (harmful content).
    folder: 'heldout3',
    title: 'third held-out set (paraphrase)',
    promptIds: ['video-recommendations', 'ads-click-prediction', 'harmful-content-detection'],
    labels: ['staff', 'senior', 'mid', 'weak'],
    expectations: [
      {
        title: 'orders the levels: staff > senior > mid > weak',
        check: (g) => {
          expect(g('staff').total).toBeGreaterThan(g('senior').total);
          expect(g('senior').total).toBeGreaterThan(g('mid').total);
          expect(g('mid').total).toBeGreaterThan(g('weak').total);
        },
      },
      { title: 'keeps the mid answer well above the weak one', check: (g) => expect(g('mid').total).toBeGreaterThan(g('weak').total + 15) },
      { title: 'keeps a clear gap between the staff and senior answers', check: (g) => expect(g('staff').total).toBeGreaterThan(g('senior').total + 10) },
      { title: 'keeps the senior answer well above the mid one', check: (g) => expect(g('senior').total).toBeGreaterThan(g('mid').total + 20) },
      { title: 'gives the staff answer a staff or senior verdict', check: (g) => expect(['staff', 'senior']).toContain(g('staff').level) },
      { title: 'gives the staff answer at least 70 points', check: (g) => expect(g('staff').total).toBeGreaterThanOrEqual(70) },
      { title: 'gives the senior answer a senior verdict', check: (g) => expect(g('senior').level).toBe('senior') },
      { title: 'gives the mid answer a mid verdict', check: (g) => expect(g('mid').level).toBe('mid') },
      {
        // Ads: "How we'll know it's good", "The predictor", "Answering every auction" and "Staying accurate as
        // things change" named no phase when first graded (structure 50); the heading lists now hold such
        // wordings. The harmful-content answers are essays by design and are not held to it.
        title: "maps the staff answer's own headings to phases",
        only: (id) => id !== 'harmful-content-detection',
        check: (g) => expect(g('staff').signals.structure).toBeGreaterThanOrEqual(80),
      },
      {
        title: 'gives the weak answer no level and almost no points',
        check: (g) => {
          expect(g('weak').level).toBe('none');
          expect(g('weak').total).toBeLessThan(5);
        },
      },
    ],
  },
  {
    // For two prompts written at the same time as their content, from the candidate's statements and `mlsd guide`
    // alone. Product search uses the six standard headings in fluent prose; payment fraud uses the author's own
    // headings in terse notes.
    folder: 'heldout4',
    title: 'fourth held-out set',
    promptIds: ['product-search-ranking', 'payment-fraud-detection'],
    labels: ['staff', 'senior', 'mid', 'weak'],
    expectations: [
      {
        title: 'orders the levels: staff > senior > mid > weak',
        check: (g) => {
          expect(g('staff').total).toBeGreaterThan(g('senior').total);
          expect(g('senior').total).toBeGreaterThan(g('mid').total);
          expect(g('mid').total).toBeGreaterThan(g('weak').total);
        },
      },
      {
        title: 'keeps clear gaps between neighbouring levels',
        check: (g) => {
          expect(g('staff').total).toBeGreaterThan(g('senior').total + 10);
          expect(g('senior').total).toBeGreaterThan(g('mid').total + 10);
          expect(g('mid').total).toBeGreaterThan(g('weak').total + 10);
        },
      },
      {
        title: 'gives the staff answer a staff or senior verdict',
        check: (g) => {
          expect(['staff', 'senior']).toContain(g('staff').level);
          expect(g('staff').total).toBeGreaterThanOrEqual(70);
        },
      },
      // Fraud: failed when first graded (41.3, mid): "so no leakage" read as a negation, negation running past
      // "→", and phrasings the concept groups lacked ("model down", "canary"). Fixed since.
      { title: 'gives the senior answer a senior verdict', check: (g) => expect(g('senior').level).toBe('senior') },
      { title: 'gives the mid answer a mid verdict', check: (g) => expect(g('mid').level).toBe('mid') },
      // Fraud: "Measuring it", "In the payment flow" and "Keeping up with fraudsters" named no phase until the
      // heading lists grew.
      { title: "maps the staff answer's own headings to phases", check: (g) => expect(g('staff').signals.structure).toBeGreaterThanOrEqual(80) },
      {
        // Fraud: the staff answer weighs alternatives in notes ("Why: …", "Rejected: … (latency, explainability)"),
        // which the trade-off signal's connectives do not catch.
        title: 'sees the staff answer weigh alternatives',
        knownGap: ['payment-fraud-detection'],
        check: (g) => expect(g('staff').signals.tradeoffs).toBeGreaterThanOrEqual(50),
      },
      {
        title: 'gives the weak answer no level and almost no points',
        check: (g) => {
          expect(g('weak').level).toBe('none');
          expect(g('weak').total).toBeLessThan(5);
        },
      },
    ],
  },
];

for (const set of SETS) {
  const hasContent = set.promptIds.every((id) => existsSync(join(promptsDir(), `${id}.yaml`)));

  describe.skipIf(!hasContent).each(set.promptIds)(`${set.title} for %s`, (promptId) => {
    const grades = new Map<string, Grade>();
    const g: G = (label) => grades.get(label)!;

    beforeAll(async () => {
      const grade = gradeAgainst(promptId);
      for (const label of set.labels) {
        const file = join(fixtures, set.folder, promptId, `${label}.md`);
        if (existsSync(file)) grades.set(label, await grade(readFileSync(file, 'utf8')));
      }
    });

    for (const e of set.expectations) {
      const test = e.only && !e.only(promptId) ? it.skip : e.knownGap?.includes(promptId) ? it.fails : it;
      test(e.title, () => e.check(g));
    }
  });
}

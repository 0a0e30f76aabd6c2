import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { parseAnswerMarkdown, type Grade } from '../../src/grading/index.js';
import { tools } from './helpers.js';

/**
 * Held-out answers, written from each prompt's statement alone before the rubric or the grader was read.
 * Only the orderings and bands that hold today are asserted; the ones that do not are listed in
 * docs/evaluation.md, so a fix to the grader can turn them into assertions here.
 */
const PROMPT_IDS = ['video-recommendations', 'ads-click-prediction', 'harmful-content-detection'] as const;
const LABELS = ['strong', 'senior', 'mid', 'weak', 'bullets', 'gamed'] as const;
/** A second plain mid answer in another voice, written after the ads and harmful rubrics were recalibrated. */
const SECOND_MID = ['mid-2'] as const;
type Label = (typeof LABELS)[number] | (typeof SECOND_MID)[number];
const hasSecondMid = (id: string) => existsSync(join(fixtures, id, 'mid-2.md'));

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'heldout');

describe.each(PROMPT_IDS)('held-out answers for %s', (promptId) => {
  const grades = new Map<Label, Grade>();
  const g = (label: Label) => grades.get(label)!;

  beforeAll(async () => {
    const { grader } = await tools();
    const content = loadContent();
    const prompt = content.prompts.find((p) => p.id === promptId)!;
    for (const label of [...LABELS, ...SECOND_MID]) {
      const file = join(fixtures, promptId, `${label}.md`);
      if (!existsSync(file)) continue;
      const md = readFileSync(file, 'utf8');
      grades.set(label, grader.grade(prompt, content.framework, { sections: parseAnswerMarkdown(md) }));
    }
  });

  it('orders quality: strong > senior > mid > weak', () => {
    expect(g('strong').total).toBeGreaterThan(g('senior').total + 10);
    expect(g('senior').total).toBeGreaterThan(g('mid').total + 10);
    expect(g('mid').total).toBeGreaterThan(g('weak').total + 10);
  });

  it.runIf(hasSecondMid(promptId))('places the second plain mid answer well between weak and strong', () => {
    expect(g('mid-2').total).toBeGreaterThan(g('weak').total + 15);
    expect(g('mid-2').total).toBeLessThan(g('strong').total - 30);
  });

  it.runIf(hasSecondMid(promptId))('gives the second plain mid answer verdict mid', () => {
    expect(g('mid-2').level).toBe('mid');
  });

  it('gives the plain mid answer verdict mid', () => {
    expect(g('mid').level).toBe('mid');
  });

  it('gives a strong answer a staff or senior verdict and a weak one none', () => {
    expect(['staff', 'senior']).toContain(g('strong').level);
    expect(g('strong').total).toBeGreaterThanOrEqual(70);
    expect(g('weak').level).toBe('none');
    expect(g('weak').total).toBeLessThan(5);
  });

  it('scores genuine bullet notes well above a weak answer, at least as high as the plain mid answer', () => {
    expect(g('bullets').total).toBeGreaterThanOrEqual(20);
    expect(g('bullets').total).toBeGreaterThan(g('weak').total + 15);
    expect(g('bullets').total).toBeGreaterThanOrEqual(g('mid').total);
  });

  it('keeps the gamed answer far below the senior answer, with verdict none', () => {
    expect(g('gamed').total).toBeLessThan(g('senior').total - 20);
    expect(g('gamed').level).toBe('none');
  });

  it('scores the gamed answer below the plain mid answer', () => {
    expect(g('gamed').total).toBeLessThan(g('mid').total);
  });
});

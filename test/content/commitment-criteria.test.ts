import { describe, expect, it } from 'vitest';
import { shippedContent, shippedGrader } from '../helpers/shipped.js';

const content = shippedContent();
const grader = await shippedGrader();
const video = content.prompts.find((p) => p.id === 'video-recommendations')!;
const met = (text: string) =>
  grader.grade(video, content.framework, { sections: [{ phase: null, text }] }).criteria.filter((c) => c.met || (c.credit ?? 0) > 0).map((c) => c.id);

/** Issue 8, item 5: questions and hypotheticals earn no criterion; "instead" without "of" rejects nothing. */
describe('criteria are earned by what the answer commits to', () => {
  it.each([
    ['Should we use a two-tower model for candidate generation?', 'We use a two-tower model for candidate generation.', 'vr-two-tower-retrieval'],
    [
      'If we had more time, we could add a multi-task ranker that predicts watch time and likes.',
      'We add a multi-task ranker that predicts watch time and likes.',
      'vr-watch-time-modelling',
    ],
  ])('"%s" earns nothing, while "%s" earns %s', (uncommitted, committed, id) => {
    expect(met(committed)).toContain(id);
    expect(met(uncommitted)).toEqual([]);
  });

  it('reads "we can instead weight…" as the choice it is', () => {
    expect(met('We can instead weight the loss by watch time.')).toContain('vr-watch-time-modelling');
  });
});

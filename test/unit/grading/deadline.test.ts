import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import { createGrader, parseAnswerMarkdown } from '../../../src/grading/index.js';
import { tools } from '../../helpers/grading.js';
import { shippedContent, shippedVocabulary } from '../../helpers/shipped.js';

const content = shippedContent();
const prompt = content.prompts.find((p) => p.id === 'video-recommendations')!;
const answer = ['## Metrics', 'We rank by predicted watch time, because clicks reward clickbait.', '', '## Serving', 'Two-tower retrieval feeds a ranker in 100 ms.'].join('\n');

/** A clock that moves `step` milliseconds each time it is read, and counts the reads. */
function steppingClock(step: number) {
  const clock = { reads: 0, now: () => clock.reads++ * step };
  return clock;
}

describe('the grading deadline', () => {
  it('stops a grade that runs past the limit with one clear line', async () => {
    const { nlp } = await tools();
    const clock = steppingClock(700);
    const grader = createGrader(nlp, shippedVocabulary(), { now: clock.now, limitMs: 5000 });
    const error = (() => {
      try {
        grader.grade(prompt, content.framework, { sections: parseAnswerMarkdown(answer) });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe('grading took longer than 5 s and was stopped; the answer has 2 lines and 110 characters, the longest line 65.');
    expect((error as UserError).hint).toMatch(/paragraphs/);
    // Checked between steps (blocks, criteria), not only at the end: it stopped at the first check past the limit.
    expect(clock.reads).toBe(Math.floor(5000 / 700) + 2);
  });

  it('does not stop a grade that keeps within it, and gives the same grade as without a clock', async () => {
    const { nlp } = await tools();
    const vocabulary = shippedVocabulary();
    const clock = steppingClock(1);
    const timed = createGrader(nlp, vocabulary, { now: clock.now, limitMs: 1_000_000 });
    const input = { sections: parseAnswerMarkdown(answer) };
    expect(timed.grade(prompt, content.framework, input)).toEqual(createGrader(nlp, vocabulary).grade(prompt, content.framework, input));
    // One read to start, then one per block of text and one per criterion.
    expect(clock.reads).toBeGreaterThan(prompt.rubric.criteria.length);
  });
});

import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { parseAnswerMarkdown } from '../../src/grading/index.js';
import { tools } from './helpers.js';

/** "X, not Y" names Y to set it against X: a rubric that asks for that contrast must still see it. */
describe('contrast phrasings on the real video rubric', () => {
  const content = loadContent();
  const prompt = content.prompts.find((p) => p.id === 'video-recommendations')!;
  const met = async (answer: string) => {
    const { grader } = await tools();
    const grade = grader.grade(prompt, content.framework, { sections: parseAnswerMarkdown(answer) });
    return grade.criteria.find((c) => c.id === 'vr-satisfaction-objective')!.met;
  };

  it.each([
    ['We optimise long-term satisfied watch time, not clicks.', true],
    ['The target is satisfaction and retention, not just clicks, because clicks reward clickbait.', true],
    ['Clicks are all we need; we do not care about satisfaction or watch time.', false],
    ['We maximise clicks.', false],
  ])('%s → %s', async (sentence, expected) => {
    expect(await met(`## Requirements\n${sentence}\n`)).toBe(expected);
  });
});

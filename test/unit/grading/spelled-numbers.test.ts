import { beforeAll, describe, expect, it } from 'vitest';
import { parseAnswerMarkdown, type Grader } from '../../../src/grading/index.js';
import { withDigits } from '../../../src/grading/numbers.js';
import { quantitativeSignal } from '../../../src/grading/signals.js';
import { analyseAnswer } from '../../../src/grading/analyse.js';
import { framework, prompt, tools } from '../../helpers/grading.js';

describe('numbers said in words, as in a transcript of speech', () => {
  it.each([
    ['about a hundred and twenty thousand requests a second', 'about 120000 requests a second'],
    ['under two hundred milliseconds for the whole page', 'under 200 milliseconds for the whole page'],
    ['ten billion feed loads a day', '10000000000 feed loads a day'],
    ['maybe fifty for the features', 'maybe 50 for the features'],
    ['twenty-five thousand users', '25000 users'],
    ['a million videos', '1000000 videos'],
  ])('reads "%s" with digits', (text, expected) => {
    expect(withDigits(text)).toBe(expected);
  });

  it.each([
    'one network encodes the user, another the video',
    'two stages: retrieval, then ranking',
    'the three heads share a bottom',
    'a model and a ranker',
    'millions of videos',
  ])('leaves small counts and vague scales in words: "%s"', (text) => {
    expect(withDigits(text)).toBe(text);
  });
});

describe('a spoken answer with its numbers in words', () => {
  let grader: Grader;
  beforeAll(async () => {
    ({ grader } = await tools());
  });

  it('meets a criterion that needs a number', () => {
    const P = prompt([{ id: 'qps', phase: 'requirements', level: 'mid', numeric: true, concepts: [['requests per second', 'qps']] }]);
    const g = grader.grade(P, framework(), { sections: parseAnswerMarkdown('## Requirements\n\nThat comes to roughly a hundred and twenty thousand requests per second at peak.') });
    expect(g.criteria.find((c) => c.id === 'qps')!.met).toBe(true);
  });

  it('shows the same kinds of numbers to the quantitative signal as digits do', async () => {
    const { nlp, lexicon } = await tools();
    const spoken = 'We have about a billion daily users, so roughly a hundred and twenty thousand requests per second. The page must come back in two hundred milliseconds: fifty milliseconds for features, a hundred milliseconds for the ranker and fifty milliseconds for the rest.';
    const digits = 'We have about 1 billion daily users, so roughly 120,000 requests per second. The page must come back in 200 milliseconds: 50 milliseconds for features, 100 milliseconds for the ranker and 50 milliseconds for the rest.';
    const signal = (text: string) => quantitativeSignal(analyseAnswer([{ phase: 'requirements', text }], nlp, lexicon));
    expect(signal(spoken)).toBeGreaterThan(0);
    expect(signal(spoken)).toBe(signal(digits));
  });
});

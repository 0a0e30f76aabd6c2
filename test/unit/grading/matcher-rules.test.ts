import { describe, expect, it } from 'vitest';
import { createGrader, parseAnswerMarkdown } from '../../../src/grading/index.js';
import { framework, prompt, tools } from '../../helpers/grading.js';

/** The terms of a one-sentence text that count as a figure. */
async function figures(text: string): Promise<string[]> {
  const { nlp, lexicon } = await tools();
  const [sentence] = nlp.sentences(text);
  return lexicon.terms(sentence!.tokens, []).words.filter((t) => t.num).map((t) => t.lower);
}

const sizing = prompt([{ id: 'sizing', phase: 'data', level: 'mid', numeric: true, concepts: [['impressions'], ['downsample']] }]);
async function sizingMet(line: string): Promise<boolean> {
  const { nlp } = await tools();
  const { shippedVocabulary } = await import('../../helpers/shipped.js');
  const grade = createGrader(nlp, shippedVocabulary()).grade(sizing, framework(), { sections: parseAnswerMarkdown(`## Data\n\n${line}\n`) });
  return grade.criteria.find((c) => c.id === 'sizing')!.met;
}

describe('a plural scale word is an order of magnitude, not a figure', () => {
  it.each([
    ['We log 20 billion impressions a month.', ['20', 'billion']],
    ['About a million sellers list items.', ['million']],
  ])('a figure: %s', async (text, nums) => {
    expect(await figures(text)).toEqual(nums);
  });

  it.each(['We log billions of impressions.', 'Millions of sellers list items.', 'Hundreds of thousands of queries arrive.'])('no figure: %s', async (text) => {
    expect(await figures(text)).toEqual([]);
  });

  it('does not meet a criterion that asks for a number', async () => {
    expect(await sizingMet('We have billions of impressions, so we downsample the negatives.')).toBe(false);
    expect(await sizingMet('We have 30 billion impressions, so we downsample the negatives.')).toBe(true);
  });
});

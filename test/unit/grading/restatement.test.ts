import { beforeAll, describe, expect, it } from 'vitest';
import { parseAnswerMarkdown, type Grade, type Grader } from '../../../src/grading/index.js';
import { statementSentences } from '../../../src/grading/restatement.js';
import { framework, prompt, tools } from '../../helpers/grading.js';

let grader: Grader;
beforeAll(async () => {
  ({ grader } = await tools());
});

const P = prompt(
  [
    { id: 'session-logs', phase: 'data', level: 'mid', concepts: [['session logs', 'watch logs'], ['labels']] },
    { id: 'budget', phase: 'requirements', level: 'mid', concepts: [['100 ms', 'latency budget']] },
  ],
  {
    statement: [
      '# Video feed',
      '',
      'The app has **watch logs and session logs** for every user, kept for a year, to build the labels from.',
      'The feed must load within 100 ms at the 99th percentile.',
    ].join('\n'),
  },
);
const F = framework();
const grade = (md: string): Grade => grader.grade(P, F, { sections: parseAnswerMarkdown(md) });
const met = (g: Grade, id: string) => g.criteria.find((c) => c.id === id)!.met;

describe('a sentence that restates the prompt', () => {
  it('earns no criterion outside requirements', () => {
    expect(met(grade('## Data\n\nWe have watch logs and session logs for every user, kept for a year, to build the labels.'), 'session-logs')).toBe(false);
  });

  it('still states a given constraint under requirements', () => {
    expect(met(grade('## Requirements\n\nThe feed must load within 100 ms at the 99th percentile.'), 'budget')).toBe(true);
  });

  it('is not a sentence that uses the prompt’s words to say what the writer decided', () => {
    const g = grade('## Data\n\nLabels come from the watch logs: a watch past half the video is a positive, a skip after a glance a negative.');
    expect(met(g, 'session-logs')).toBe(true);
  });
});

describe('the statement is split into sentences', () => {
  it('at sentence ends, blank lines and list items, without Markdown marks', () => {
    expect(statementSentences('# T\n\nA **bold** claim. Another one;\nand more\n\n- an item\n- another item')).toEqual([
      'A bold claim.', 'Another one;', 'and more', 'an item', 'another item',
    ]);
  });
});

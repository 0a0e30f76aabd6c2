import { beforeAll, describe, expect, it } from 'vitest';
import { parseAnswerMarkdown, type Grade } from '../../../src/grading/index.js';
import type { LevelBar } from '../../../src/grading/types.js';
import { aimLevel, band, barDistance, orderedMisses, renderReport, scoreBar, trimQuote, wrap } from '../../../src/ui/report.js';
import { framework, prompt, tools } from '../../helpers/grading.js';

const P = prompt(
  [
    { id: 'funnel', phase: 'models', level: 'mid', weight: 4, short: 'funnel', concepts: [['candidate generation'], ['ranking']] },
    { id: 'position-bias', phase: 'data', level: 'senior', weight: 3, short: 'position bias', concepts: [['position bias'], ['position as a feature']], why: 'Top slots get clicked regardless of quality.', strong: 'Log the slot, train with it, fix it at serving.' },
    { id: 'exploration', phase: 'models', level: 'staff', weight: 2, short: 'exploration', concepts: [['exploration']] },
    { id: 'ab', phase: 'metrics', level: 'mid', weight: 2, short: 'A/B test', concepts: [['a/b test']] },
  ],
  { seeAlso: 'Try `mlsd pipeline` to watch the funnel run.' },
);
const F = framework();
let grade: Grade;

beforeAll(async () => {
  const { grader } = await tools();
  grade = grader.grade(P, F, {
    sections: parseAnswerMarkdown('## Models\nCandidate generation returns 500 videos, and a ranking model orders them by predicted watch time.\n\n## Metrics\nEvery change ships behind an A/B test on 5% of traffic for two weeks.'),
  });
});

describe('the feedback report', () => {
  it('reads fully without colour and stays within the width', () => {
    const text = renderReport(grade, P, F, { color: false, width: 72 });
    expect(text).not.toMatch(/\u001b\[/);
    expect(text.split('\n').every((l) => l.length <= 72)).toBe(true);
    expect(text).toMatch(/^ test-prompt · A test prompt\n/);
    expect(text).toContain(`Total ${grade.total}/100 · verdict: ${grade.level}`);
    expect(text).toMatch(/to reach senior: cover 40% of the senior criteria's weight \(now 0%, 0\s+of 1 met\)/);
    expect(text).toMatch(/ models +█+░+ +\d+ +1\/2 +funnel ✓ {2}exploration ✗/);
    expect(text).toMatch(/ data +░{10} +0 +0\/1 +position bias ✗/);
    expect(text).toContain('"Candidate generation returns 500 videos, and a ranking model');
    expect(text).toMatch(/✗ position-bias +data · senior\n {3}why: Top slots get clicked regardless of quality\.\n {3}strong: Log the slot/);
    expect(text).toMatch(/Work on first: 1\) position bias {2}2\) exploration/);
    expect(text).toContain('Next drill: mlsd practice test-prompt --phase requirements');
    expect(text.trimEnd().endsWith('Try `mlsd pipeline` to watch the funnel run.')).toBe(true);
  });

  it('colours meaning when colour is on', () => {
    const text = renderReport(grade, P, F, { color: true, width: 90 });
    expect(text).toContain('\u001b[32m✓\u001b[39m');
    expect(text).toContain('\u001b[31m✗\u001b[39m');
  });

  it('lists misses for the level aimed at first', () => {
    expect(aimLevel(grade)).toBe('senior');
    expect(orderedMisses(grade, 'mid').map((c) => c.id)[0]).not.toBe('exploration');
    expect(orderedMisses(grade, 'staff').map((c) => c.id)).toEqual(['position-bias', 'exploration']);
    expect(renderReport(grade, P, F, { color: false, level: 'staff' })).toContain('Misses (heaviest first)');
    expect(renderReport(grade, P, F, { color: false, level: 'senior' })).toContain('Misses (mid and senior criteria first, heaviest first)');
    expect(renderReport(grade, P, F, { color: false, level: 'mid' })).toContain('Misses (mid criteria first, heaviest first)');
  });

  it.each([
    [
      { level: 'staff', cleared: false, met: 1, of: 10, requirements: [{ level: 'senior', share: 0.45, need: 0.55 }, { level: 'staff', share: 0.12, need: 0.4 }] },
      "to reach staff: cover 40% of the staff criteria's weight (now 12%, 1 of 10 met) and 55% of the senior criteria's weight (now 45%)",
    ],
    [
      { level: 'mid', cleared: false, met: 2, of: 22, requirements: [{ level: 'mid', share: 0.09, need: 0.35 }] },
      "to reach mid: cover 35% of the mid criteria's weight (now 9%, 2 of 22 met)",
    ],
    [
      { level: 'staff', cleared: false, met: 4, of: 10, requirements: [{ level: 'senior', share: 0.5, need: 0.55 }, { level: 'staff', share: 0.6, need: 0.4 }] },
      "to reach staff: cover 55% of the senior criteria's weight (now 50%)",
    ],
  ] as const)('says what the next bar needs as something to do: %#', (bar, expected) => {
    expect(barDistance(bar as unknown as LevelBar)).toBe(expected);
  });

  it('quotes each passage once among the strengths', async () => {
    const { grader } = await tools();
    const sentence = 'Candidate generation feeds a ranking model, and every change ships behind an A/B test.';
    const both = grader.grade(P, F, { sections: parseAnswerMarkdown(sentence) });
    expect(both.criteria.filter((c) => c.met).map((c) => c.id).sort()).toEqual(['ab', 'funnel']);
    expect(renderReport(both, P, F, { color: false, width: 100 }).split(sentence.slice(0, 40)).length - 1).toBe(1);
  });

  it('at 60 columns halves the phase bars and skips a name too long for the line rather than showing none', async () => {
    const { grader } = await tools();
    const wordy = prompt([
      { id: 'long', phase: 'models', level: 'mid', weight: 4, short: 'a criterion with a long short name', concepts: [['candidate generation']] },
      { id: 'tiny', phase: 'models', level: 'mid', weight: 1, short: 'tiny', concepts: [['ranking']] },
    ]);
    const g = grader.grade(wordy, F, { sections: parseAnswerMarkdown('## Models\nCandidate generation returns 500 videos, and a ranking model orders them.') });
    const narrow = renderReport(g, wordy, F, { color: false, width: 60 });
    expect(narrow).toMatch(/^ models +█{10} +100 +2\/2 +tiny ✓ {2}…$/m);
    expect(narrow.split('\n').every((l) => l.length <= 60)).toBe(true);
    expect(renderReport(g, wordy, F, { color: false, width: 100 })).toMatch(/^ models +█{20} +100 +2\/2 +a criterion with a long short name ✓ {2}tiny ✓$/m);
  });

  it('lists six misses and says how to see the rest; with allMisses, lists every one', async () => {
    const { grader } = await tools();
    const many = prompt(Array.from({ length: 8 }, (_, i) => ({ id: `c${i}`, phase: 'models' as const, level: 'mid' as const, weight: 2, short: `c${i}`, concepts: [[`widget${i}`]] })));
    const g = grader.grade(many, F, { sections: parseAnswerMarkdown('## Models\nWe train a model on last week of logs and ship it behind a flag.') });
    const missed = g.criteria.filter((c) => !c.met).length;
    const count = (text: string) => text.split('\n').filter((l) => /^ [✗◐] /.test(l)).length;
    const some = renderReport(g, many, F, { color: false, width: 100, moreMisses: '`mlsd review 3 --all` lists them all' });
    expect(count(some)).toBe(6);
    expect(some).toContain(`…and ${missed - 6} more: \`mlsd review 3 --all\` lists them all.`);
    const every = renderReport(g, many, F, { color: false, width: 100, allMisses: true });
    expect(count(every)).toBe(missed);
    expect(every).not.toContain('more:');
  });

  it('can leave the next-drill line to the caller', () => {
    expect(renderReport(grade, P, F, { color: false, nextDrill: false })).not.toContain('Next drill');
  });

  it('marks phases left out of a drill', async () => {
    const { grader } = await tools();
    const drill = grader.grade(P, F, { sections: parseAnswerMarkdown('Candidate generation then ranking of the candidates by a model.'), phases: ['models'] });
    expect(renderReport(drill, P, F, { color: false })).toMatch(/ data +·{20} +– +not graded in this drill/);
  });

  it.each([
    [85, 'good'],
    [70, 'good'],
    [55, 'fair'],
    [39.9, 'bad'],
  ] as const)('bands %d as %s', (score, expected) => {
    expect(band(score)).toBe(expected);
  });

  it('draws bars, wraps and trims quotes', () => {
    expect(scoreBar(50, 10)).toBe('█████░░░░░');
    expect(scoreBar(0, 4)).toBe('░░░░');
    expect(wrap('one two three four', 9, '  ')).toBe('one two\n  three\n  four');
    expect(trimQuote('a '.repeat(100), 20).length).toBeLessThanOrEqual(20);
    expect(trimQuote('short', 20)).toBe('short');
  });
});

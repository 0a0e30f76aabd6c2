import { describe, expect, it } from 'vitest';
import type { Framework, Prompt } from '../../src/content/schema.js';
import { gradeOutcomes, missedOutcomes } from '../../src/drill/cards.js';
import { itemsNamed, splitAnswers } from '../../src/drill/answers.js';
import { drillItems, drillQuestion } from '../../src/drill/questions.js';
import { addDays, dueInWords, dueLine, drillStatus, startOfDay } from '../../src/drill/status.js';
import type { CriterionResult } from '../../src/grading/types.js';

const noon = Date.UTC(2026, 11, 3, 12);
const DAY = 86_400_000;
const card = (dueInDays: number, scheduledDays = 1) => ({ memory: { due: noon + dueInDays * DAY, scheduledDays } });

describe('drill status', () => {
  it('counts due today (overdue included), this week, learning and learned, and lays out 14 days from today', () => {
    const cards = [card(-3), card(0), card(0.05), card(1), card(6, 8), card(7, 25), card(13, 30), card(40, 60)];
    const status = drillStatus(cards, [], noon);
    expect(status).toMatchObject({ dueNow: 3, dueThisWeek: 5, learning: 5, learned: 3, recall30d: null });
    expect(status.upcoming).toHaveLength(14);
    expect(status.upcoming.map((d) => d.count)).toEqual([3, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1]);
    expect(status.upcoming[0]!.date).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(new Set(status.upcoming.map((d) => d.date)).size).toBe(14);
  });

  it('recall over 30 days leaves out the miss that made each card', () => {
    const reviews = [
      { rating: 'again' as const, first: true },
      { rating: 'again' as const, first: true },
      { rating: 'good' as const, first: false },
      { rating: 'hard' as const, first: false },
      { rating: 'again' as const, first: false },
      { rating: 'easy' as const, first: false },
    ];
    expect(drillStatus([], reviews, noon).recall30d).toBe(0.75);
  });

  it.each([
    [0, 'today'], [-2, 'today'], [1, 'tomorrow'], [3, 'in 3 days'], [13, 'in 13 days'], [21, 'in 3 weeks'], [90, 'in 3 months'],
  ])('a card due in %i days is due "%s"', (days, words) => {
    expect(dueInWords(noon, addDays(noon, days))).toBe(words);
  });

  it('days are calendar days: late tonight is still today, just after midnight is tomorrow', () => {
    const midnight = addDays(startOfDay(noon), 1);
    expect(dueInWords(noon, midnight - 1)).toBe('today');
    expect(dueInWords(noon, midnight)).toBe('tomorrow');
  });

  it('the one-line footer says what is due, else when the next card is, and nothing without cards', () => {
    expect(dueLine([], noon)).toBeUndefined();
    expect(dueLine([card(-1), card(0), card(4)], noon)).toBe('2 cards due today — `mlsd drill`');
    expect(dueLine([card(3)], noon)).toBe('No cards due today; the next is due in 3 days — `mlsd drill --status`');
    expect(dueLine([card(1)], noon, 1)).toBe('1 missed criterion became a card for spaced practice, first due tomorrow — `mlsd drill` then');
    expect(dueLine([card(0), card(1)], noon, 4)).toBe('4 missed criteria became cards for spaced practice (first due tomorrow); 1 card due today — `mlsd drill`');
  });
});

const result = (id: string, met: boolean): CriterionResult => ({ id, phase: 'metrics', met, evidence: met ? 'x' : null, title: id, level: 'mid', weight: 1, framework: false });

describe('outcomes of a graded answer', () => {
  const grade = { criteria: [result('a', false), result('b', true), result('asked-key-facts', false), result('c', false)] };
  const drillable = new Set(['a', 'b', 'c']);

  it('a full round (interview or saved score) gives every drillable miss and every drillable criterion met', () => {
    expect(gradeOutcomes(grade, drillable, 'interview')).toEqual([
      { kind: 'criterion', itemId: 'a', met: false },
      { kind: 'criterion', itemId: 'b', met: true },
      { kind: 'criterion', itemId: 'c', met: false },
    ]);
    expect(gradeOutcomes(grade, drillable, 'score')).toEqual(gradeOutcomes(grade, drillable, 'interview'));
  });

  it('a practice drill gives its misses only', () => {
    expect(gradeOutcomes(grade, drillable, 'practice').map((o) => o.itemId)).toEqual(['a', 'c']);
  });

  it('misses given by id (the pitfalls of red flags) are misses once each', () => {
    expect(missedOutcomes('pitfall', ['p', 'q', 'p'])).toEqual([
      { kind: 'pitfall', itemId: 'p', met: false },
      { kind: 'pitfall', itemId: 'q', met: false },
    ]);
  });
});

const criterion = (id: string, drill?: string) => ({
  id, phase: 'metrics' as const, title: `Title of ${id}`, weight: 1, level: 'mid' as const, concepts: [['x']], why: 'w', strong: 's', ...(drill ? { drill } : {}),
});
const prompt = {
  id: 'p', title: 'Tiny feed', probes: [{ criterion: 'probed', question: 'What breaks first at peak?' }], skipFramework: ['skipped'],
  rubric: { criteria: [criterion('own', 'How would you know the feed got better?'), criterion('probed'), criterion('bare')] },
} as unknown as Prompt;
const framework = { criteria: [criterion('shared', 'Which metric must not regress?'), criterion('skipped', 'Never asked?')] } as unknown as Framework;

describe('drill questions and answer files', () => {
  it('asks the drill question, else the probe, else a question on the phase, never the title', () => {
    expect(drillQuestion(prompt, prompt.rubric.criteria[0]!)).toBe('How would you know the feed got better?');
    expect(drillQuestion(prompt, prompt.rubric.criteria[1]!)).toBe('What breaks first at peak?');
    const fallback = drillQuestion(prompt, prompt.rubric.criteria[2]!);
    expect(fallback).toMatch(/Tiny feed.*metrics.*\?$/);
    expect(fallback).not.toContain('Title of bare');
  });

  it('resolves cards against content, dropping those whose criterion left it, was skipped, or that are pitfalls', () => {
    const cards = ['own', 'shared', 'skipped', 'gone'].map((itemId) => ({ promptId: 'p', kind: 'criterion' as const, itemId }));
    const items = drillItems([...cards, { promptId: 'p', kind: 'pitfall', itemId: 'own' }, { promptId: 'x', kind: 'criterion', itemId: 'own' }], { prompts: [prompt], framework });
    expect(items.map((i) => [i.card.itemId, i.question])).toEqual([
      ['own', 'How would you know the feed got better?'],
      ['shared', 'Which metric must not regress?'],
    ]);
  });

  it('splits a file at ## headings, not at those inside fenced code, ignoring text before the first', () => {
    const file = 'notes\n## own\nFirst line.\n\nSecond.\n```\n## not a heading\n```\n## Which metric must not regress? ##\n\nRevenue.\n';
    expect(splitAnswers(file)).toEqual([
      { heading: 'own', text: 'First line.\n\nSecond.\n```\n## not a heading\n```' },
      { heading: 'Which metric must not regress?', text: 'Revenue.' },
    ]);
  });

  it('a heading names a card by criterion id, by prompt and criterion id, or by its question', () => {
    const items = drillItems([{ promptId: 'p', kind: 'criterion', itemId: 'own' }, { promptId: 'p', kind: 'criterion', itemId: 'shared' }], { prompts: [prompt], framework });
    expect(itemsNamed('Own', items).map((i) => i.card.itemId)).toEqual(['own']);
    expect(itemsNamed('p / shared', items).map((i) => i.card.itemId)).toEqual(['shared']);
    expect(itemsNamed('which metric must NOT regress', items).map((i) => i.card.itemId)).toEqual(['shared']);
    expect(itemsNamed('Title of own', items)).toEqual([]);
  });
});

import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PHASE_IDS } from '../../../src/phases.js';
import { capWords, MAX_WORD_CHARS, type Sentence } from '../../../src/grading/analyse.js';
import type { Grade } from '../../../src/grading/index.js';
import { findPhrase } from '../../../src/grading/match.js';
import { gradeAgainst } from '../../helpers/grading.js';

const grade = gradeAgainst('video-recommendations');
const SIZE = 100 * 1024;

/** `unit` repeated to about `size` bytes (100 KB by default), between `head` and `tail`. */
const fill = (unit: string, head = '', tail = '', size = SIZE) => head + unit.repeat(Math.floor((size - head.length - tail.length) / unit.length)) + tail;

/** Shapes that once made a pattern or a loop of the grader backtrack or rescan (quadratic or worse). */
const SHAPES: Array<[string, string]> = [
  ['a heading with a run of spaces', fill(' ', '# a', 'b')],
  ['a heading with " #" repeated', fill(' #', '# a', 'x')],
  ['a label with a run of spaces before "!"', fill(' ', 'a', '!')],
  ['a bold label with a run of spaces', fill(' ', '**a', '!')],
  ['an inline label with a run of spaces', fill(' ', '**ab', ':')],
  ['a bold line with a run of spaces', fill(' ', '** **', '!')],
  ['" *a" repeated (emphasis openers)', fill(' *a')],
  ['" _a" repeated', fill(' _a')],
  ['image openers', fill('![')],
  ['link openers', fill('[a](')],
  ['tag openers', fill('<a')],
  ['one long word', fill('a')],
  ['one long number', fill('1')],
  ['a long comma-separated number', fill('1,')],
  ['a long hyphenated word', fill('a-')],
  ['a run of "!"', fill('!')],
  ['a run of "#"', fill('#')],
  ['"no" repeated', fill('no ')],
  ['"not" repeated', fill('not ')],
  ['"out of scope" repeated', fill('x out of scope ')],
  ['a rubric phrase repeated', fill('watch time ')],
  ['a table rule with a run of spaces', fill(' ', '|--', 'x')],
  ['a list item with a line separator', fill(' ', '- ', 'a\u2028')],
  ['many headings', fill('# Metrics\n')],
];

function expectWellFormed(g: Grade): void {
  expect(g.promptId).toBe('video-recommendations');
  expect(Number.isFinite(g.total) && g.total >= 0 && g.total <= 100).toBe(true);
  expect(['none', 'mid', 'senior', 'staff']).toContain(g.level);
  expect(g.phases.map((p) => p.id)).toEqual(PHASE_IDS);
  for (const p of g.phases) expect(p.score >= 0 && p.score <= 100).toBe(true);
  for (const s of Object.values(g.signals)) expect(Number.isFinite(s) && s >= 0 && s <= 100).toBe(true);
  expect(g.criteria.length).toBeGreaterThan(0);
  for (const c of g.criteria) expect(typeof c.met === 'boolean' && (c.met ? typeof c.evidence === 'string' : c.evidence === null)).toBe(true);
}

describe('grading worst-case answers of 100 KB', () => {
  // The timeout is the hang guard: each took from seconds to hours before its pattern or loop was made linear.
  it.each(SHAPES)('grades %s', { timeout: 10_000 }, async (_name, text) => {
    expectWellFormed(await grade(text));
  });
});

/**
 * Shapes whose cost was quadratic in words or sentences (test/fixtures/worst-case-shapes.json, which
 * `npm run bench:worst-case` grades and prints what each costs): a few seconds at 100 KB, minutes at the 1 MB limit.
 * Each takes 1–4 s here when linear; the timeout is a hang guard, far below the minutes a quadratic version takes,
 * and generous for a busy machine.
 */
const AT_LIMIT = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'worst-case-shapes.json'), 'utf8')) as Array<[string, string]>;

describe('grading worst-case answers at the 1 MB limit', () => {
  it.each(AT_LIMIT)('grades %s', { timeout: 40_000 }, async (_name, unit) => {
    expectWellFormed(await grade(fill(unit, '', '', 1000 * 1000)));
  });
});

describe('capWords', () => {
  it('cuts only runs of non-spaces longer than MAX_WORD_CHARS, never inside a surrogate pair', () => {
    const url = 'https://example.com/2024/ranking/position-bias-correction-in-two-tower-retrieval-models';
    expect(capWords(`see ${url} and ${'x'.repeat(5000)} then`)).toBe(`see ${url} and ${'x'.repeat(MAX_WORD_CHARS)} then`);
    expect(capWords(`${'a'.repeat(MAX_WORD_CHARS - 1)}😀😀`)).toBe('a'.repeat(MAX_WORD_CHARS - 1));
    const prose = 'We rank by predicted watch time, because clicks reward clickbait.';
    expect(capWords(prose)).toBe(prose);
  });
});

describe('matching a phrase in a sentence that repeats its words', () => {
  it('finds the nearest term by search, not by a scan per occurrence', { timeout: 10_000 }, () => {
    const term = (norm: string) => ({ norm, lower: norm, num: false, negated: false as const });
    const terms = [...Array.from({ length: 120_000 }, () => term('watch')), ...Array.from({ length: 120_000 }, () => term('time'))];
    const sentence = { text: '', terms, plain: terms } as unknown as Sentence;
    expect(findPhrase(sentence, ['watch', 'time'])).toBe('yes');
    expect(findPhrase(sentence, ['time', 'watch'])).toBe('yes');
  });
});

/** Pieces of adversarial Markdown: runs of the characters patterns trip on, long words, openers and real words. */
const piece = fc.oneof(
  fc.tuple(fc.constantFrom(' ', '*', '#', '!', '_', '[', ']', '(', ')', '`', '<', '>', ':', '|', '-', '=', '~', '\t', '\u00a0', '\u2028'), fc.integer({ min: 1, max: 3000 }))
    .map(([c, n]) => c.repeat(n)),
  fc.tuple(fc.constantFrom(' *a', '**a', '__', ' _a', '![', '[a](', '<a', '# ', '- ', '1. ', '| ', 'no ', 'not ', 'a-', '1,'), fc.integer({ min: 1, max: 1000 }))
    .map(([u, n]) => u.repeat(n)),
  fc.stringMatching(/^[a-z]{1,2000}$/),
  fc.constantFrom('\n', '\n\n', '## Metrics\n', '**Serving:** ', 'Metrics:', '```\n', 'We rank by watch time because clicks reward clickbait.', 'NDCG@10'),
  fc.string({ maxLength: 40 }),
);

describe('grading adversarial Markdown (seeded fuzz)', () => {
  it('completes with a well-formed grade', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 40 }), async (pieces) => {
        expectWellFormed(await grade(pieces.join('')));
      }),
      { seed: 20_240_614, numRuns: 60, interruptAfterTimeLimit: 45_000, markInterruptAsFailure: false },
    );
  });
});

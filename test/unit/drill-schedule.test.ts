import { describe, expect, it } from 'vitest';
import { ratingFor, schedule, type Memory, type RatingName } from '../../src/drill/schedule.js';

const DAY = 86_400_000;
const start = Date.UTC(2026, 0, 5, 9);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const days = (from: number, to: number) => Math.round((to - from) / DAY);

/** Answers each review on the day it falls due, as a user who drills daily would; returns the due dates. */
function script(ratings: readonly RatingName[], from = start): { memory: Memory; dues: number[]; at: number[] } {
  let memory: Memory | undefined;
  let now = from;
  const dues: number[] = [];
  const at: number[] = [];
  for (const rating of ratings) {
    at.push(now);
    memory = schedule(memory, rating, now);
    dues.push(memory.due);
    now = memory.due;
  }
  return { memory: memory!, dues, at };
}

describe('scheduling with FSRS (fake clock)', () => {
  it('a card made from a miss comes back the next day', () => {
    expect(schedule(undefined, 'again', start).due).toBe(start + DAY);
  });

  it('a mastered card that is missed also comes back the next day, counted as a lapse', () => {
    const { memory } = script(['again', 'good', 'good', 'good', 'good']);
    expect(days(memory.lastReview!, memory.due)).toBeGreaterThan(21);
    const lapsed = schedule(memory, 'again', memory.due);
    expect(lapsed.due).toBe(memory.due + DAY);
    expect(lapsed.lapses).toBe(memory.lapses + 1);
  });

  it('a month of good reviews moves the card out to weeks, each interval longer than the one before', () => {
    const { dues, at } = script(['again', 'good', 'good', 'good', 'good']);
    const intervals = dues.map((due, i) => days(at[i]!, due));
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]!).toBeGreaterThan(intervals[i - 1]!);
    // Five reviews in the first month; the last of them already sends the card weeks away.
    expect(at.filter((t) => t < start + 31 * DAY).length).toBe(5);
    expect(intervals.at(-1)!).toBeGreaterThanOrEqual(28);
  });

  it('pins the dates of a fixed sequence, so a change of scheduler or parameters is noticed', () => {
    const { dues } = script(['again', 'good', 'good', 'good', 'good', 'again', 'good', 'hard', 'easy']);
    expect(dues.map(iso)).toEqual([
      '2026-01-06', '2026-01-08', '2026-01-14', '2026-01-31', '2026-03-16',
      '2026-03-17', '2026-03-21', '2026-03-27', '2026-04-10',
    ]);
  });

  it('easy spaces further than good, good further than hard, and hard further than again', () => {
    const { memory } = script(['again', 'good', 'good']);
    const next = (r: RatingName) => schedule(memory, r, memory.due).due;
    expect(next('easy')).toBeGreaterThan(next('good'));
    expect(next('good')).toBeGreaterThan(next('hard'));
    expect(next('hard')).toBeGreaterThan(next('again'));
  });

  it('the same answers at the same times give the same dates (no fuzz)', () => {
    expect(script(['again', 'good', 'hard', 'good']).dues).toEqual(script(['again', 'good', 'hard', 'good']).dues);
  });
});

describe('ratingFor', () => {
  it.each([
    [{ met: false, partial: false }, 'again'],
    [{ met: false, partial: true }, 'hard'],
    [{ met: true, partial: false }, 'good'],
    [{ met: true, partial: false, depth: true }, 'easy'],
    [{ met: true, partial: false, slow: true }, 'hard'],
    [{ met: true, partial: false, slow: true, depth: true }, 'hard'],
  ] as const)('%o → %s', (recall, rating) => {
    expect(ratingFor(recall)).toBe(rating);
  });
});

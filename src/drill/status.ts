import { LEARNED_DAYS, type RatingName } from './schedule.js';

const DAY_MS = 86_400_000;

/** Midnight, local time, of the day `ms` falls on: cards fall due by the day, as a user plans. */
export function startOfDay(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** The same local time `n` days later (a day is 23 or 25 hours across a clock change). */
export function addDays(ms: number, n: number): number {
  const d = new Date(ms);
  d.setDate(d.getDate() + n);
  return d.getTime();
}

/** The local calendar date, YYYY-MM-DD. */
export function dateKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Calendar days from the day of `now` to the day of `ms` (negative when it is past). */
export function daysFrom(now: number, ms: number): number {
  return Math.round((startOfDay(ms) - startOfDay(now)) / DAY_MS);
}

/** When a card is due, in words: "today", "tomorrow", "in 3 days", "in 2 weeks", "in 3 months". */
export function dueInWords(now: number, due: number): string {
  const days = daysFrom(now, due);
  if (days <= 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days < 14) return `in ${days} days`;
  if (days < 60) return `in ${Math.round(days / 7)} weeks`;
  if (days < 730) return `in ${Math.round(days / 30.4)} months`;
  return `in ${Math.round(days / 365)} years`;
}

/** The end of the day `now` falls on: a card due any time today is due now. */
export const endOfToday = (now: number): number => addDays(startOfDay(now), 1);

/** The contract of `mlsd drill --status --json`. */
export interface DrillStatus {
  dueNow: number;
  dueThisWeek: number;
  learning: number;
  learned: number;
  /** Share of reviews in the last 30 days that recalled the card (rated hard, good or easy); null before any. */
  recall30d: number | null;
  /** The next 14 days from today, each with the cards due that day (today's include the overdue ones). */
  upcoming: Array<{ date: string; count: number }>;
}

export const RECALL_DAYS = 30;
export const CALENDAR_DAYS = 14;

/**
 * Counts over the cards and the reviews of the last 30 days. A card's first review is the miss that made it,
 * not a recall, so it does not count toward the recall rate.
 */
export function drillStatus(
  cards: ReadonlyArray<{ memory: { due: number; scheduledDays: number } }>,
  recentReviews: ReadonlyArray<{ rating: RatingName; first: boolean }>,
  now: number,
): DrillStatus {
  const today = startOfDay(now);
  const upcoming = Array.from({ length: CALENDAR_DAYS }, (_, i) => {
    const from = i === 0 ? -Infinity : addDays(today, i);
    const to = addDays(today, i + 1);
    return { date: dateKey(addDays(today, i)), count: cards.filter((c) => c.memory.due >= from && c.memory.due < to).length };
  });
  const recalls = recentReviews.filter((r) => !r.first);
  const learned = cards.filter((c) => c.memory.scheduledDays >= LEARNED_DAYS).length;
  return {
    dueNow: upcoming[0]!.count,
    dueThisWeek: upcoming.slice(0, 7).reduce((n, d) => n + d.count, 0),
    learning: cards.length - learned,
    learned,
    recall30d: recalls.length ? Math.round((1000 * recalls.filter((r) => r.rating !== 'again').length) / recalls.length) / 1000 : null,
    upcoming,
  };
}

/** The earliest due date after today, if any card is due later. */
export function nextDueAfterToday(cards: ReadonlyArray<{ memory: { due: number } }>, now: number): number | undefined {
  const end = endOfToday(now);
  const later = cards.map((c) => c.memory.due).filter((d) => d >= end);
  return later.length ? Math.min(...later) : undefined;
}

/**
 * The one line `history` and a round's report end with: what is due today, else when the next card is due;
 * undefined when there are no cards.
 */
export function dueLine(cards: ReadonlyArray<{ memory: { due: number } }>, now: number, made = 0): string | undefined {
  if (!cards.length) return undefined;
  const due = cards.filter((c) => c.memory.due < endOfToday(now)).length;
  const dueToday = `${due} card${due === 1 ? '' : 's'} due today — \`mlsd drill\``;
  if (made) {
    const became = `${made} missed criteri${made === 1 ? 'on' : 'a'} became ${made === 1 ? 'a card' : 'cards'} for spaced practice`;
    return due ? `${became} (first due tomorrow); ${dueToday}` : `${became}, first due tomorrow — \`mlsd drill\` then`;
  }
  if (due) return dueToday;
  return `No cards due today; the next is due ${dueInWords(now, nextDueAfterToday(cards, now)!)} — \`mlsd drill --status\``;
}

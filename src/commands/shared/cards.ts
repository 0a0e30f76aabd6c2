import type { Framework, Prompt } from '../../content/schema.js';
import { drillableIds, gradeOutcomes, missedOutcomes } from '../../drill/cards.js';
import { dueLine } from '../../drill/status.js';
import type { Grade } from '../../grading/types.js';
import type { Session } from '../../interview/types.js';
import type { RoundCounts } from '../../store/cards.js';
import type { History } from '../../store/history.js';
import { paint } from '../../ui/paint.js';
import { wrap } from '../../ui/text.js';

/**
 * Turns a graded session into cards and reviews, once: misses make cards or fail their reviews, and in a full
 * round the criteria met are successful reviews. Every red flag still standing (not cleared by a probe's reply)
 * from a pitfall is a miss of that pitfall's card; arithmetic flags name no pitfall and make none. Call it inside
 * the transaction that finishes the session where there is one, so the two are saved together.
 */
export function saveRoundCards(history: History, session: Pick<Session, 'id' | 'mode'>, grade: Grade, prompt: Prompt, framework: Framework, at: number): RoundCounts {
  if (history.cards.sessionRecorded(session.id)) return { created: 0, failed: 0, recalled: 0 };
  const pitfalls = (grade.redFlags ?? []).filter((f) => !f.id.startsWith('arithmetic-')).map((f) => f.id);
  const outcomes = [...gradeOutcomes(grade, drillableIds(prompt, framework), session.mode), ...missedOutcomes('pitfall', pitfalls)];
  return history.cards.recordRound(prompt.id, outcomes, { at, source: session.mode, sessionId: session.id });
}

/** The line a report or `history` ends with on what is due ('' when there are no cards). */
export function dueFooter(history: History, now: number, options: { color: boolean; width: number; made?: number }): string {
  const line = dueLine(history.cards.all(), now, options.made);
  return line ? `${paint(options.color).dim(wrap(line, options.width))}\n` : '';
}

import type { DrillGrade } from '../drill/grade.js';
import type { DrillItem } from '../drill/questions.js';
import { addDays, dueInWords, startOfDay, type DrillStatus } from '../drill/status.js';
import { phaseInfo } from '../phases.js';
import { interviewerSays } from './interview-view.js';
import { paint } from './paint.js';
import { safeText } from './safe-text.js';
import { rule, wrap } from './text.js';

interface View {
  color: boolean;
  width: number;
}

/** "Sun 6 Dec", in the local time zone. */
export function shortDate(ms: number): string {
  return new Date(ms).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' });
}

/** "in 3 days (Sun 6 Dec)"; "today" and "tomorrow" need no date. */
export function whenDue(now: number, due: number): string {
  const words = dueInWords(now, due);
  return words === 'today' || words === 'tomorrow' ? words : `${words} (${shortDate(due)})`;
}

export function drillInstructions(view: View): string {
  const text = 'Answer as you would in the room, in a few sentences. Finish with an empty line twice (or Ctrl-D); :editor opens $EDITOR, :hint shows a hint. Ctrl-C stops; what you answered is kept.';
  return `${paint(view.color).dim(wrap(text, view.width))}\n`;
}

/** The rule that opens a card, then the interviewer's question. */
export function cardView(index: number, total: number, item: DrillItem, view: View): string {
  const c = paint(view.color);
  const title = c.bold(`${safeText(item.prompt.title)} · ${phaseInfo(item.phase).title}`);
  return `\n${rule(title, view.width, `card ${index} of ${total}`)}\n${interviewerSays(item.question, view)}`;
}

/** The outcome of one card: the quoted evidence or what was missing, the strong answer, the rating and the next date. */
export function drillResultView(item: DrillItem, grade: DrillGrade, next: { now: number; due: number }, view: View): string {
  const c = paint(view.color);
  const lines: string[] = [];
  if (item.pitfall) {
    // A pitfall card is recalled by taking the mistake back: say which mistake, and why it is one when it stands.
    lines.push(wrap(safeText(item.pitfall.title), view.width, grade.met ? `${c.green('✓ Taken back:')} ` : `${c.red('✗ Still standing:')} `, '  '));
    if (!grade.met) {
      if (grade.note) lines.push(c.dim(wrap(safeText(grade.note), view.width, '  ', '  ')));
      lines.push(wrap(safeText(item.pitfall.why), view.width, `${c.bold('Why it fails:')} `, '  '));
    }
  } else if (grade.met) {
    lines.push(wrap(`“${safeText(grade.evidence ?? '')}”`, view.width, `${c.green('✓ Recalled:')} `, '  '));
  } else {
    lines.push(wrap(safeText(item.criterion.title), view.width, `${c.red(grade.partial ? '½ Partly there:' : '✗ Missing:')} `, '  '));
    if (grade.note) lines.push(c.dim(wrap(safeText(grade.note), view.width, '  ', '  ')));
  }
  lines.push(wrap(safeText(item.criterion.strong), view.width, `${c.bold(item.pitfall ? 'Instead:' : 'A strong answer:')} `, '  '));
  const depth = grade.rating === 'easy' ? ' (met, and weighed an alternative)' : '';
  lines.push(`${c.dim('Rated')} ${c.bold(grade.rating)}${c.dim(depth)} ${c.dim('·')} next review ${whenDue(next.now, next.due)}`);
  return `${lines.join('\n')}\n`;
}

/** The summary after the last card: how many were recalled, then what is still due today or when the next is. */
export function drillSummary(rated: readonly DrillGrade[], left: { dueToday: number; nextDue: number | undefined }, now: number, view: View): string {
  const c = paint(view.color);
  const recalled = rated.filter((g) => g.rating !== 'again').length;
  const next = left.dueToday
    ? ` ${left.dueToday} more card${left.dueToday === 1 ? ' is' : 's are'} due today: \`mlsd drill\` asks them.`
    : left.nextDue === undefined ? '' : ` Next card due ${whenDue(now, left.nextDue)}.`;
  return `\n${c.bold(`${recalled} of ${rated.length} recalled.`)}${next}\n`;
}

/** Said when nothing is due (or there are no cards at all). */
export function nothingDue(options: { anyCards: boolean; scope: string; nextDue: number | undefined; now: number }): string {
  if (!options.anyCards) {
    return 'No cards yet. Cards come from the criteria you miss: take `mlsd interview`, `mlsd practice <prompt> --phase <phase>`, or save a graded answer with `mlsd score <prompt> <answer.md> --save`.\n';
  }
  if (options.nextDue === undefined) return `No cards${options.scope}.\n`;
  return `Nothing due today${options.scope}. The next card is due ${whenDue(options.now, options.nextDue)}.\n`;
}

/** `mlsd drill --status`: the counts, the cards due today, and a two-week calendar. */
export function statusView(status: DrillStatus, dueToday: readonly DrillItem[], now: number, view: View): string {
  const c = paint(view.color);
  const recall = status.recall30d === null ? c.dim('no reviews yet') : `${Math.round(status.recall30d * 100)}%`;
  const rows: Array<[string, string]> = [
    ['Due today', `${status.dueNow}${status.dueNow ? c.dim('  → mlsd drill') : ''}`],
    ['Due this week', String(status.dueThisWeek)],
    ['Learning', String(status.learning)],
    ['Learned', `${status.learned}${c.dim('  (spaced three weeks or more apart)')}`],
    ['Recall, 30 days', recall],
  ];
  const out = [c.bold('Spaced practice'), ...rows.map(([k, v]) => `  ${k.padEnd(16)} ${v}`)];
  if (dueToday.length) {
    out.push('', c.bold('Due today'));
    for (const item of dueToday) {
      out.push(`  ${item.card.itemId} ${c.dim(`· ${item.prompt.id}`)}`);
      out.push(c.dim(wrap(safeText(item.question), view.width, '    ', '    ')));
    }
  }
  out.push('', `${c.bold('Upcoming reviews')} ${c.dim('(next 14 days)')}`);
  const today = startOfDay(now);
  for (const week of [0, 7]) {
    const days = status.upcoming.slice(week, week + 7);
    const cell = (s: string) => s.padStart(3).padEnd(7);
    out.push(`  ${days.map((_, i) => cell(shortDate(addDays(today, week + i)).slice(0, 3))).join('')}`.trimEnd());
    out.push(c.dim(`  ${days.map((d) => cell(d.date.slice(8))).join('')}`.trimEnd()));
    out.push(`  ${days.map((d) => cell(d.count ? String(d.count) : '·')).join('')}`.trimEnd());
  }
  return `${out.join('\n')}\n`;
}

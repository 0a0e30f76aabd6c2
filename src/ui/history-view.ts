import type { PhaseAverage } from '../interview/progress.js';
import type { Session } from '../interview/types.js';
import { phaseInfo } from '../phases.js';
import { paint } from './paint.js';
import { band, scoreBar } from './report.js';

const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/** One row per session, newest first. */
export function sessionTable(sessions: readonly Session[], options: { color: boolean }): string {
  const c = paint(options.color);
  const idWidth = Math.max(2, ...sessions.map((s) => String(s.id).length));
  const promptWidth = Math.max(6, ...sessions.map((s) => s.promptId.length));
  const head = `${pad('#', idWidth, true)}  ${pad('date', 10)}  ${pad('prompt', promptWidth)}  ${pad('mode', 9)}  ${pad('min', 3, true)}  ${pad('total', 5, true)}  level`;
  const rows = sessions.map((s) => {
    const total = s.total === null ? c.dim(pad(s.status === 'in-progress' ? 'open' : '—', 5, true)) : scoreColor(c, s.total)(pad(String(Math.round(s.total)), 5, true));
    const level = s.level ?? (s.status === 'in-progress' ? c.dim('in progress · mlsd resume ' + s.id) : c.dim(s.status));
    return `${pad(String(s.id), idWidth, true)}  ${date(s.startedAt)}  ${pad(s.promptId, promptWidth)}  ${pad(s.mode, 9)}  ${pad(s.timer ? String(s.minutes) : '—', 3, true)}  ${total}  ${level}`;
  });
  return `${c.bold(head)}\n${rows.join('\n')}\n`;
}

function scoreColor(c: ReturnType<typeof paint>, score: number) {
  return { good: c.green, fair: c.yellow, bad: c.red }[band(score)];
}

const CHART_COLUMNS = 48;

/** The total of each graded session, oldest to newest, as a line chart (needs two points). */
export async function totalChart(sessions: readonly Session[], options: { color: boolean }): Promise<string | null> {
  const totals = sessions.filter((s) => s.total !== null).map((s) => s.total!).reverse();
  if (totals.length < 2) return null;
  const { plot } = await import('asciichart');
  // One column per session reads as a sliver; widen each session to a few columns.
  const repeat = Math.max(1, Math.floor(CHART_COLUMNS / totals.length));
  const chart = plot(totals.flatMap((t) => Array<number>(repeat).fill(t)), { height: 8, min: 0, max: 100, format: (v) => String(Math.round(v)).padStart(4) });
  return `${paint(options.color).bold('Total over time')} ${paint(options.color).dim(`(${totals.length} graded sessions, oldest → newest)`)}\n${chart}\n`;
}

/** A bar per phase with its average, the weakest marked. */
export function averagesView(averages: readonly PhaseAverage[], weakest: PhaseAverage | null, options: { color: boolean }): string {
  const c = paint(options.color);
  const rows = averages.map((a) => {
    const bar = scoreColor(c, a.average)(scoreBar(a.average));
    const mark = weakest && a.phase === weakest.phase ? c.red(' ← weakest') : '';
    return `  ${pad(phaseInfo(a.phase).title, 18)} ${bar} ${pad(String(Math.round(a.average)), 3, true)} ${c.dim(`(${a.sessions})`)}${mark}`;
  });
  return `${c.bold('Average per phase')} ${c.dim('(sessions)')}\n${rows.join('\n')}\n`;
}

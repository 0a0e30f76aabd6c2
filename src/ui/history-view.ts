import type { PhaseAverage } from '../interview/progress.js';
import type { Session } from '../interview/types.js';
import { phaseInfo } from '../phases.js';
import { paint } from './paint.js';
import { band, scoreBar } from './report.js';
import { visibleLength } from './text.js';

const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/** How much a narrow terminal makes the session table give up, least useful first. */
interface TableLayout {
  resumeHint: boolean;
  minutes: boolean;
  year: boolean;
  /** Longest prompt id shown whole; longer ones end in "…". */
  promptMax: number;
}

const LAYOUTS: readonly TableLayout[] = [
  { resumeHint: true, minutes: true, year: true, promptMax: Infinity },
  { resumeHint: false, minutes: true, year: true, promptMax: Infinity },
  { resumeHint: false, minutes: false, year: true, promptMax: Infinity },
  { resumeHint: false, minutes: false, year: false, promptMax: Infinity },
];
const MIN_PROMPT = 8;

function sessionRows(sessions: readonly Session[], c: ReturnType<typeof paint>, layout: TableLayout): string[] {
  const clip = (id: string) => (id.length > layout.promptMax ? `${id.slice(0, layout.promptMax - 1)}…` : id);
  const idWidth = Math.max(2, ...sessions.map((s) => String(s.id).length));
  const promptWidth = Math.max(6, ...sessions.map((s) => clip(s.promptId).length));
  const dateWidth = layout.year ? 10 : 5;
  // The red-flag count gets a column once any session listed has a red flag.
  const flagged = sessions.some((s) => (s.grade?.redFlags?.length ?? 0) > 0);
  const row = (cells: { id: string; date: string; prompt: string; mode: string; min: string; total: string; flags: string; level: string }) =>
    [
      pad(cells.id, idWidth, true), pad(cells.date, dateWidth), pad(cells.prompt, promptWidth), pad(cells.mode, 9),
      ...(layout.minutes ? [cells.min] : []), cells.total, ...(flagged ? [cells.flags] : []), cells.level,
    ].join('  ');
  const head = row({ id: '#', date: 'date', prompt: 'prompt', mode: 'mode', min: 'min', total: 'total', flags: 'flags', level: 'level' });
  const rows = sessions.map((s) => {
    const total = s.total === null ? c.dim(pad(s.status === 'in-progress' ? 'open' : '—', 5, true)) : scoreColor(c, s.total)(pad(String(Math.round(s.total)), 5, true));
    const open = layout.resumeHint ? `in progress · mlsd resume ${s.id}` : 'in progress';
    const level = s.level ?? c.dim(s.status === 'in-progress' ? open : s.status);
    const count = s.grade ? (s.grade.redFlags?.length ?? 0) : null;
    const flags = count === null ? c.dim(pad('—', 5, true)) : count > 0 ? c.red(pad(String(count), 5, true)) : pad('0', 5, true);
    return row({
      id: String(s.id), date: date(s.startedAt).slice(layout.year ? 0 : 5), prompt: clip(s.promptId), mode: s.mode,
      min: pad(s.timer ? String(s.minutes) : '—', 3, true), total, flags, level,
    });
  });
  return [c.bold(head), ...rows];
}

/** One row per session, newest first, in the widest layout that fits the terminal. */
export function sessionTable(sessions: readonly Session[], options: { color: boolean; width: number }): string {
  const c = paint(options.color);
  const widest = (lines: readonly string[]) => Math.max(...lines.map(visibleLength));
  const tables = LAYOUTS.map((layout) => ({ layout, lines: sessionRows(sessions, c, layout) }));
  let chosen = tables.find((t) => widest(t.lines) <= options.width);
  if (!chosen) {
    // Still too wide: shorten the longest prompt ids by just the overflow.
    const last = tables[tables.length - 1]!;
    const longest = Math.max(...sessions.map((s) => s.promptId.length));
    const layout = { ...last.layout, promptMax: Math.max(MIN_PROMPT, longest - (widest(last.lines) - options.width)) };
    chosen = { layout, lines: sessionRows(sessions, c, layout) };
  }
  const open = sessions.find((s) => s.status === 'in-progress');
  const hint = !chosen.layout.resumeHint && open ? [c.dim(`Continue a session in progress with \`mlsd resume ${open.id}\`.`)] : [];
  return `${[...chosen.lines, ...hint].join('\n')}\n`;
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

/** A bar per phase with its average, the weakest marked; the bar halves on a narrow terminal. */
export function averagesView(averages: readonly PhaseAverage[], weakest: PhaseAverage | null, options: { color: boolean; width: number }): string {
  const c = paint(options.color);
  const cells = options.width < 72 ? 10 : 20;
  const rows = averages.map((a) => {
    const bar = scoreColor(c, a.average)(scoreBar(a.average, cells));
    const mark = weakest && a.phase === weakest.phase ? c.red(' ← weakest') : '';
    return `  ${pad(phaseInfo(a.phase).title, 18)} ${bar} ${pad(String(Math.round(a.average)), 3, true)} ${c.dim(`(${a.sessions})`)}${mark}`;
  });
  return `${c.bold('Average per phase')} ${c.dim('(sessions)')}\n${rows.join('\n')}\n`;
}

import { Chalk } from 'chalk';
import type { Criterion, Framework, Level, Prompt } from '../content/schema.js';
import { LEVELS } from '../content/schema.js';
import { ASKED_FACTS } from '../grading/asked-facts.js';
import type { CriterionResult, Grade, LevelBar, PhaseResult, RedFlag } from '../grading/types.js';
import { safeStrings } from './safe-text.js';
import { flow, piece } from './text.js';

export interface ReportOptions {
  color: boolean;
  width?: number;
  /** The level the candidate aims for: misses at or below it are listed first. */
  level?: Level;
  /** Print the "Next drill" line (default true); callers that print their own turn it off. */
  nextDrill?: boolean;
  /** List every miss instead of the first six. */
  allMisses?: boolean;
  /** How to see the misses left out, e.g. "`mlsd review 3 --all` lists them all". */
  moreMisses?: string;
}

const BAR_CELLS = 20;
/** Below this width the phase bars halve, leaving room for the criteria next to them. */
const NARROW = 80;
const MAX_WIDTH = 100;
const MIN_WIDTH = 60;
const STRENGTHS_SHOWN = 5;
const MISSES_SHOWN = 6;

type Paint = (s: string) => string;
interface Palette {
  good: Paint;
  fair: Paint;
  bad: Paint;
  dim: Paint;
  bold: Paint;
}

function palette(color: boolean): Palette {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  return { good: chalk.green, fair: chalk.yellow, bad: chalk.red, dim: chalk.dim, bold: chalk.bold };
}

/** Green at 70 and above, yellow from 40, red below: the same thresholds everywhere in the report. */
export function band(score: number): 'good' | 'fair' | 'bad' {
  return score >= 70 ? 'good' : score >= 40 ? 'fair' : 'bad';
}

export function scoreBar(score: number, cells = BAR_CELLS): string {
  const filled = Math.round((Math.max(0, Math.min(100, score)) / 100) * cells);
  return '█'.repeat(filled) + '░'.repeat(cells - filled);
}

/** Wraps words to a width, indenting every line after the first by `indent`. */
export function wrap(text: string, width: number, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const limit = lines.length ? width - indent.length : width;
    if (line && line.length + 1 + word.length > limit) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i ? indent + l : l)).join('\n');
}

export function trimQuote(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[,;:.\s]+$/, '')}…`;
}

/** Wrapped text with a first-line indent and a hanging indent, each line painted on its own. */
function indented(text: string, width: number, first: string, rest: string, paint: Paint = (x) => x): string[] {
  return wrap(text, width - rest.length)
    .split('\n')
    .map((line, i) => (i ? rest : first) + paint(line));
}

function rubricCriterion(id: string, prompt: Prompt, framework: Framework): Pick<Criterion, 'why' | 'strong'> | undefined {
  if (id === ASKED_FACTS.id) return ASKED_FACTS;
  return prompt.rubric.criteria.find((c) => c.id === id) ?? framework.criteria.find((c) => c.id === id);
}

const shortName = (c: CriterionResult | undefined) => c && (c.short ?? c.title);
const rank = (l: Level) => LEVELS.indexOf(l);

/** The level to aim for: the one asked for, else the next above the verdict. */
export function aimLevel(grade: Grade, asked?: Level): Level {
  if (asked) return asked;
  if (grade.level === 'none') return 'mid';
  return LEVELS[Math.min(rank(grade.level) + 1, LEVELS.length - 1)]!;
}

/** Misses in the order to work on them: at or below the aim level first, heavier first, then by phase. */
export function orderedMisses(grade: Grade, aim: Level): CriterionResult[] {
  const phaseOrder = (c: CriterionResult) => grade.phases.findIndex((p) => p.id === c.phase);
  return grade.criteria
    .filter((c) => !c.met && grade.phases.find((p) => p.id === c.phase)?.graded !== false)
    .sort((a, b) => {
      const aIn = rank(a.level) <= rank(aim) ? 0 : 1;
      const bIn = rank(b.level) <= rank(aim) ? 0 : 1;
      return aIn - bIn || b.weight - a.weight || rank(a.level) - rank(b.level) || phaseOrder(a) - phaseOrder(b);
    });
}

/**
 * What it takes to clear a bar, as something to do: each share of weight still short of what the bar needs,
 * the bar's own level first, with how many of its criteria are met.
 */
export function barDistance(bar: LevelBar): string {
  const short = bar.requirements
    .filter((r) => r.share < r.need)
    .sort((a, b) => Number(b.level === bar.level) - Number(a.level === bar.level))
    .map((r) => {
      const count = r.level === bar.level ? `, ${bar.met} of ${bar.of} met` : '';
      return `${Math.round(r.need * 100)}% of the ${r.level} criteria's weight (now ${Math.floor(r.share * 100)}%${count})`;
    });
  if (!short.length) return `to reach ${bar.level}: ${bar.met} of ${bar.of} ${bar.level} criteria met`;
  return `to reach ${bar.level}: cover ${short.join(' and ')}`;
}

/** Which misses come first: those at or below the level aimed at, then the rest; heavier first within each. */
function missOrderNote(aim: Level): string {
  const first = LEVELS.slice(0, rank(aim) + 1);
  return first.length === LEVELS.length ? 'heaviest first' : `${first.join(' and ')} criteria first, heaviest first`;
}

function verdictLines(grade: Grade, p: Palette, width: number): string[] {
  const capped = grade.uncapped !== undefined && grade.uncapped.level !== grade.level;
  const below = grade.level === 'none' && !capped ? 'none (below the mid bar)' : grade.level;
  const verdict = grade.level === 'none' ? p.bad(below) : p[band(grade.total)](grade.level);
  const next = grade.bars?.find((b) => !b.cleared);
  const before = grade.uncapped && grade.uncapped.total !== grade.total ? p.dim(` (${grade.uncapped.total} before red flags)`) : '';
  return [
    ` Total ${p.bold(`${grade.total}/100`)}${before} · verdict: ${verdict}`,
    ...(capped ? indented(capLine(grade), width, ' ', '   ', p.bad) : []),
    ...(grade.bars ? indented(next ? barDistance(next) : 'every level bar cleared', width, ' ', '   ', p.dim) : []),
  ];
}

/** Which cap the red flags applied, and why: "held at mid by a major red flag (senior without it)". */
export function capLine(grade: Grade): string {
  const flags = grade.redFlags ?? [];
  const by = flags.filter((f) => f.cap === grade.cap);
  const what = grade.cap === 'none' ? 'disqualifying' : 'major';
  const count = by.length === 1 ? `a ${what} red flag` : `${by.length} ${what} red flags`;
  const names = by.map((f) => f.title.charAt(0).toLowerCase() + f.title.slice(1)).join('; ');
  return `held at ${grade.cap} by ${count} (${names}); ${grade.uncapped?.level} without ${by.length === 1 ? 'it' : 'them'}`;
}

/** What a red flag costs, in words. */
export function costOf(flag: RedFlag): string {
  const cap = flag.cap === 'none' ? 'caps the verdict at none' : flag.cap === 'mid' ? 'caps the verdict at mid' : '';
  return [cap, flag.deduction ? `−${flag.deduction} points` : ''].filter(Boolean).join(', ');
}

/** The red flags: the quoted sentence, why it fails, what to say instead, the cap or deduction. */
function redFlagLines(grade: Grade, p: Palette, width: number): string[] {
  const flags = grade.redFlags ?? [];
  const cleared = grade.clearedFlags ?? [];
  if (!flags.length && !cleared.length) return [];
  const lines = ['', ` ${p.bold('Red flags')} ${p.dim('(mistakes an interviewer writes down)')}`];
  for (const f of flags) {
    lines.push(...header(f.title, `${f.phase} · ${f.severity}`, width, p, p.bad('!')));
    lines.push(...indented(`"${trimQuote(f.evidence, (width - 6) * 2)}"`, width, '   ', '    ', p.dim));
    lines.push(...indented(`why: ${f.why}`, width, '   ', '        '));
    lines.push(...indented(`instead: ${f.instead}`, width, '   ', '            '));
    lines.push(...indented(`cost: ${costOf(f)}`, width, '   ', '         ', p.bad));
  }
  for (const f of cleared) {
    lines.push(...header(f.title, `${f.phase} · cleared`, width, p, p.good('✓')));
    lines.push(...indented(`"${trimQuote(f.evidence, (width - 6) * 2)}"`, width, '   ', '    ', p.dim));
    lines.push(...indented(`raised in the interview ("${f.probe}") and cleared by your reply: "${trimQuote(f.reply, width)}" — no cost`, width, '   ', '   ', p.good));
  }
  return lines;
}

function phaseLine(phase: PhaseResult, grade: Grade, p: Palette, width: number): string {
  const title = phase.id.padEnd(13);
  const cells = width < NARROW ? BAR_CELLS / 2 : BAR_CELLS;
  if (!phase.graded) return ` ${p.dim(`${title}${'·'.repeat(cells)}   –   not graded in this drill`)}`;
  const paint = p[band(phase.score)];
  const count = `${phase.covered.length}/${phase.covered.length + phase.missed.length}`.padStart(5);
  const head = ` ${title}${paint(scoreBar(phase.score, cells))}  ${String(Math.round(phase.score)).padStart(3)}  ${p.dim(count)}  `;
  const room = width - (1 + 13 + cells + 2 + 3 + 2 + 5 + 2);
  const shortOf = (id: string) => shortName(grade.criteria.find((c) => c.id === id)) ?? id;
  const weightOf = (id: string) => grade.criteria.find((c) => c.id === id)?.weight ?? 0;
  const items = [...phase.covered.map((id) => ({ id, ok: true })), ...phase.missed.map((id) => ({ id, ok: false }))]
    .sort((a, b) => weightOf(b.id) - weightOf(a.id));
  const plainOf = (item: { id: string; ok: boolean }) => `${shortOf(item.id)} ${item.ok ? '✓' : '✗'}`;
  const allFit = items.reduce((n, item, i) => n + (i ? 2 : 0) + plainOf(item).length, 0) <= room;
  // Heaviest first; a name too long for what is left is skipped rather than ending the list, so a narrow
  // terminal still shows the criteria that fit. "…" (3 columns with its gap) marks any left out.
  const limit = allFit ? room : room - 3;
  const out: string[] = [];
  let used = 0;
  for (const item of items) {
    const length = (used ? 2 : 0) + plainOf(item).length;
    if (used + length > limit) continue;
    out.push(item.ok ? `${shortOf(item.id)} ${p.good('✓')}` : `${shortOf(item.id)} ${p.bad('✗')}`);
    used += length;
  }
  if (!allFit) out.push(p.dim('…'));
  return head + out.join('  ');
}

/** " ✓ Title            phase · level", the right part on its own line when both do not fit. */
function header(left: string, right: string, width: number, p: Palette, mark: string): string[] {
  const space = width - 3 - left.length - right.length;
  if (space >= 2) return [` ${mark} ${p.bold(left)}${' '.repeat(space)}${p.dim(right)}`];
  return [...indented(left, width, ` ${mark} `, '   ', p.bold), `   ${p.dim(right)}`];
}

/** The feedback report for the terminal: total, verdict, phase bars, signals, strengths, misses, next steps. */
export function renderReport(answerGrade: Grade, prompt: Prompt, framework: Framework, options: ReportOptions): string {
  // The grade quotes the answer (evidence, notes): its control characters are shown, never sent to the terminal.
  const grade = safeStrings(answerGrade);
  const p = palette(options.color);
  const width = Math.max(MIN_WIDTH, Math.min(options.width ?? 80, MAX_WIDTH));
  const lines: string[] = [];
  lines.push(...flow([piece(prompt.id, p.bold), piece(`· ${prompt.title}`)], width, ' ', ' '), '');
  lines.push(...verdictLines(grade, p, width), '');
  for (const phase of grade.phases) lines.push(phaseLine(phase, grade, p, width));
  const s = grade.signals;
  const signal = (name: string, v: number) => ({ plain: `${name} ${Math.round(v)}`, painted: `${name} ${p[band(v)](String(Math.round(v)))}` });
  const signals = [signal('structure', s.structure), signal('trade-offs', s.tradeoffs), signal('numbers', s.quantitative), signal('depth', s.depth)];
  lines.push('', ...flow(signals, width, ' signals  ', '          ', ' · '));
  const relevance = grade.relevance ?? 1;
  if (relevance < 1) {
    lines.push(...indented(`Credit beyond this prompt's basics is scaled to ${Math.round(relevance * 100)}%: the answer covers little of what any answer to this question needs (its mid-level criteria), so generic and advanced points count for less.`, width, ' ', ' ', p.dim));
  }

  lines.push(...redFlagLines(grade, p, width));
  const right = (grade.arithmetic ?? []).filter((a) => a.ok);
  if (right.length) {
    lines.push('', ` ${p.bold('Checked arithmetic')}`);
    for (const a of right) lines.push(...indented(`${a.claimed} (redone: ${a.expected}) in "${trimQuote(a.evidence, width - 30)}"`, width, `   ${p.good('✓')} `, '     '));
  }

  // Heaviest first, each quoting a different passage: one rich sentence should not fill the list.
  const quoted = new Set<string>();
  const strengths = grade.criteria
    .filter((c) => c.met && c.evidence)
    .sort((a, b) => b.weight - a.weight || rank(b.level) - rank(a.level))
    .filter((c) => !quoted.has(c.evidence!) && Boolean(quoted.add(c.evidence!)))
    .slice(0, STRENGTHS_SHOWN);
  if (strengths.length) {
    lines.push('', ` ${p.bold('Strengths')}`);
    for (const c of strengths) {
      lines.push(...header(c.title, `${c.phase} · ${c.level}`, width, p, p.good('✓')));
      lines.push(...indented(`"${trimQuote(c.evidence!, (width - 6) * 2)}"`, width, '   ', '    ', p.dim));
    }
  }

  const aim = aimLevel(grade, options.level);
  const misses = orderedMisses(grade, aim);
  if (misses.length) {
    lines.push('', ` ${p.bold(`Misses`)} ${p.dim(`(${missOrderNote(aim)})`)}`);
    const shown = options.allMisses ? misses.length : MISSES_SHOWN;
    for (const c of misses.slice(0, shown)) {
      const partial = (c.credit ?? 0) > 0;
      lines.push(...header(c.title, `${c.phase} · ${c.level}`, width, p, partial ? p.fair('◐') : p.bad('✗')));
      const source = rubricCriterion(c.id, prompt, framework);
      if (c.note) lines.push(...indented(`seen: ${c.note}`, width, '   ', '         ', p.fair));
      if (source) {
        lines.push(...indented(`why: ${source.why}`, width, '   ', '        '));
        lines.push(...indented(`strong: ${source.strong}`, width, '   ', '        '));
      }
    }
    if (misses.length > shown) {
      // The rubric lists criteria, not this answer's results: point at what lists the rest of these misses.
      const more = options.moreMisses ?? `\`mlsd rubric ${prompt.id}\` shows every criterion`;
      lines.push(...indented(`…and ${misses.length - shown} more: ${more}.`, width, '   ', '    ', p.dim));
    }
    const [top, ...next] = misses.slice(0, 3).map((c, i) => `${i + 1}) ${shortName(c)}`);
    const first = { plain: `Work on first: ${top}`, painted: `${p.bold('Work on first:')} ${top}` };
    lines.push('', ...flow([first, ...next.map((n) => piece(n))], width, ' ', '   ', '  '));
  }

  const graded = grade.phases.filter((ph) => ph.graded);
  const weakest = [...graded].sort((a, b) => a.score - b.score)[0];
  if (weakest && options.nextDrill !== false) {
    const drill = [piece('Next drill:', p.bold), piece(`mlsd practice ${prompt.id} --phase ${weakest.id}`), piece(`(weakest phase, ${Math.round(weakest.score)})`, p.dim)];
    lines.push(...flow(drill, width, ' ', '   '));
  }
  if (prompt.seeAlso) lines.push('', ...indented(prompt.seeAlso, width, ' ', ' ', p.dim));
  return `${lines.map((l) => l.trimEnd()).join('\n')}\n`;
}

import type { Fact, Prompt } from '../content/schema.js';
import type { StepTime } from '../interview/session.js';
import { formatClock, type ClockReading } from '../interview/timer.js';
import type { PlanStep, StepId } from '../interview/types.js';
import { isPhaseId, phaseInfo } from '../phases.js';
import { paint } from './paint.js';
import { safeText } from './safe-text.js';
import { rule, ruleFits, wrap } from './text.js';

export function stepTitle(step: StepId): string {
  return isPhaseId(step) ? phaseInfo(step).title : 'Clarifying questions';
}

/** m:ss, as the plan and the clock show it. */
export const mmss = (ms: number) => formatClock(ms).replace(/^-?0(\d:)/, '$1');

/** "The plan: 45 minutes" and one line per step with its budget. */
export function planView(plan: readonly PlanStep[], minutes: number, options: { color: boolean; timer: boolean }): string {
  const c = paint(options.color);
  const lines = plan.map((s, i) => `  ${String(i + 1).padStart(2)}. ${stepTitle(s.step).padEnd(22)} ${options.timer ? mmss(s.budgetMs) : ''}`.trimEnd());
  const head = options.timer ? `The plan: ${minutes} minute${minutes === 1 ? '' : 's'}` : 'The plan (no clock)';
  return `${c.bold(head)}\n${lines.join('\n')}\n`;
}

/** The rule that opens a step: its title and the clock. */
export function stepHeader(step: StepId, reading: ClockReading | null, options: { color: boolean; width: number }): string {
  const c = paint(options.color);
  const title = c.bold(stepTitle(step));
  if (!reading) return `\n${rule(title, options.width)}\n`;
  const [stepLeft, totalLeft] = [mmss(Math.max(0, reading.stepLeftMs)), mmss(Math.max(0, reading.totalLeftMs))];
  const long = `step ${stepLeft} left · total ${totalLeft} left`;
  const clock = ruleFits(title, options.width, long) ? long : `step ${stepLeft} · total ${totalLeft}`;
  return `\n${rule(title, options.width, clock)}\n`;
}

/** What to do in a step, wrapped to the width. */
export function stepIntro(text: string, options: { width: number }): string {
  return `${wrap(text, options.width)}\n`;
}

/** The prompt before each typed line: the time left in the step and overall, or a plain marker. */
export function linePrompt(reading: ClockReading | null, options: { color: boolean }): string {
  const c = paint(options.color);
  if (!reading) return c.dim('› ');
  const step = reading.stepLeftMs < 0 ? c.yellow(`+${mmss(-reading.stepLeftMs)}`) : mmss(reading.stepLeftMs);
  return c.dim('[') + step + c.dim(' | ') + mmss(Math.max(0, reading.totalLeftMs)) + c.dim('] › ');
}

export function answerInstructions(options: { color: boolean; timer: boolean; width: number }): string {
  const clock = options.timer ? ' The prompt shows [step left | total left].' : '';
  const text = `Finish with an empty line twice (or Ctrl-D). Type :editor for $EDITOR, :hint for a hint.${clock}`;
  return `${paint(options.color).dim(wrap(text, options.width))}\n`;
}

export function clarifyInstructions(options: { color: boolean; width: number }): string {
  const text = 'Ask one question per line; an empty line moves on to the design. :hint suggests what to ask.';
  return `${paint(options.color).dim(wrap(text, options.width))}\n`;
}

/** An interviewer line; on resume it is read back from the history, so it is shown inert like any saved text. */
export function interviewerSays(text: string, options: { color: boolean; width: number }): string {
  const c = paint(options.color);
  const label = 'Interviewer:';
  return `${wrap(safeText(text), options.width, `${c.cyan.bold(label)} `, ' '.repeat(label.length + 1))}\n`;
}

export function overrunWarning(step: StepId, options: { color: boolean }): string {
  return paint(options.color).yellow(`⚠ The ${stepTitle(step).toLowerCase()} budget is used up; wrap up and move on (going over is recorded).`);
}

/** Time spent per step against its budget. */
export function timeTable(times: readonly StepTime[], options: { color: boolean }): string {
  const c = paint(options.color);
  const rows = times.map((t) => {
    const spent = t.spentMs === null ? c.dim('  —  ') : mmss(t.spentMs).padStart(5);
    // The clock shows whole seconds; a step stopped by the timer runs a few milliseconds past its budget.
    const over = t.overrunMs >= 1000 ? c.yellow(` over by ${mmss(t.overrunMs)}`) : t.spentMs === null ? c.dim(' not reached') : c.green(' ✓');
    return `  ${stepTitle(t.step).padEnd(22)} ${spent} / ${mmss(t.budgetMs).padStart(5)}${over}`;
  });
  return `${c.bold('Time per step')} ${c.dim('(spent / budget)')}\n${rows.join('\n')}\n`;
}

export function statementView(prompt: Pick<Prompt, 'id' | 'title'>, options: { color: boolean }): string {
  const c = paint(options.color);
  return `${c.bold(prompt.title)} ${c.dim(`· ${prompt.id}`)}\n`;
}


/** A drill skips the clarifying step, so it starts with the answers to the key questions. */
export function keyFactsView(facts: readonly Pick<Fact, 'topic' | 'answer' | 'key'>[], options: { color: boolean; width: number }): string {
  const c = paint(options.color);
  const key = facts.filter((f) => f.key);
  if (!key.length) return '';
  const lines = key.map((f) => wrap(`${c.bold(`${f.topic}:`)} ${f.answer}`, options.width, '  • ', '    '));
  return `${c.bold('What the interviewer would tell you')} ${c.dim('(no clarifying step in a drill)')}\n${lines.join('\n')}\n`;
}

import type { Ctx } from '../context.js';
import { findPrompt, loadContent } from '../content/load.js';
import { PLAN_STEPS, planMinutes, type PlanStep } from '../content/plan.js';
import { DEFAULT_TIME_BUDGET, type Prompt } from '../content/schema.js';
import { isPhaseId, phaseInfo } from '../phases.js';
import { renderMarkdown, terminalWidth } from '../ui/markdown.js';
import { padVisible, paint, rule } from '../ui/text.js';

export interface ShowOptions {
  id: string;
  /** Length of the round the plan is laid out for. */
  minutes?: number;
}

export async function show(options: ShowOptions, ctx: Pick<Ctx, 'out' | 'color'>): Promise<void> {
  const prompt = findPrompt(loadContent(), options.id);
  const width = terminalWidth();
  const statement = await renderMarkdown(prompt.statement, { color: ctx.color, width });
  ctx.out(`${statement}\n${renderPlan(prompt, options.minutes ?? 45, ctx.color, width)}`);
}

export function stepTitle(step: PlanStep): string {
  return isPhaseId(step) ? phaseInfo(step).title : 'Clarifying questions';
}

function clock(minute: number): string {
  return `${String(minute).padStart(2, ' ')}:00`;
}

/** The interview plan: each step's minutes and when it starts, then how to begin. */
export function renderPlan(prompt: Prompt, totalMinutes: number, color: boolean, width: number): string {
  const c = paint(color);
  const minutes = planMinutes(prompt.timeBudget ?? DEFAULT_TIME_BUDGET, totalMinutes);
  const titleWidth = Math.max(...PLAN_STEPS.map((s) => stepTitle(s).length));
  let start = 0;
  const lines = PLAN_STEPS.map((step) => {
    const line = `  ${c.dim(clock(start))}  ${padVisible(stepTitle(step), titleWidth)}  ${String(minutes[step]).padStart(2)} min`;
    start += minutes[step];
    return line;
  });
  return [
    c.bold(rule(`Interview plan · ${totalMinutes} minutes`, Math.min(width, 72))),
    ...lines,
    '',
    `Start the round:   ${c.cyan(`mlsd interview ${prompt.id}`)}`,
    `Drill one phase:   ${c.cyan(`mlsd practice ${prompt.id} --phase models`)}`,
    c.dim(`What each phase should cover: mlsd guide <phase> · what is graded: mlsd rubric ${prompt.id}`),
    '',
  ].join('\n');
}

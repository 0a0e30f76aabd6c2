import type { Ctx } from '../context.js';
import { findPrompt, loadContent } from '../content/load.js';
import type { Prompt } from '../content/schema.js';
import { interviewPlan } from '../interview/plan.js';
import { planView } from '../ui/interview-view.js';
import { renderMarkdown, terminalWidth } from '../ui/markdown.js';
import { paint } from '../ui/paint.js';

export interface ShowOptions {
  id: string;
}

const ROUND_MINUTES = 45;

export async function show(options: ShowOptions, ctx: Pick<Ctx, 'out' | 'color'>): Promise<void> {
  const prompt = findPrompt(loadContent(), options.id);
  const statement = await renderMarkdown(prompt.statement, { color: ctx.color, width: terminalWidth() });
  ctx.out(`${statement}\n${renderPlan(prompt, ctx.color)}`);
}

/** The plan the interview will follow for a 45-minute round, then how to begin. */
export function renderPlan(prompt: Prompt, color: boolean): string {
  const c = paint(color);
  return [
    planView(interviewPlan(prompt, ROUND_MINUTES), ROUND_MINUTES, { color, timer: true }),
    `Start the round:   ${c.cyan(`mlsd interview ${prompt.id}`)}`,
    `Drill one phase:   ${c.cyan(`mlsd practice ${prompt.id} --phase models`)}`,
    c.dim(`What each phase should cover: mlsd guide <phase> · what is graded: mlsd rubric ${prompt.id}`),
    '',
  ].join('\n');
}

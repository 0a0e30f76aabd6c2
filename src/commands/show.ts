import type { Ctx } from '../context.js';
import { findPrompt } from '../content/load.js';
import type { Prompt } from '../content/schema.js';
import { interviewPlan } from '../interview/plan.js';
import { planView } from '../ui/interview-view.js';
import { renderMarkdown } from '../ui/markdown.js';
import { paint } from '../ui/paint.js';

export interface ShowOptions {
  id: string;
}

const ROUND_MINUTES = 45;
const LABEL_WIDTH = 18;

export async function show(options: ShowOptions, ctx: Pick<Ctx, 'out' | 'color' | 'width' | 'content'>): Promise<void> {
  const prompt = findPrompt(await ctx.content(), options.id);
  const width = ctx.width;
  const statement = await renderMarkdown(prompt.statement, { color: ctx.color, width });
  ctx.out(`${statement}\n${renderPlan(prompt, ctx.color, width)}`);
}

/** The plan the interview will follow for a 45-minute round, then what to run next. */
export function renderPlan(prompt: Prompt, color: boolean, width: number): string {
  const c = paint(color);
  const next: [string, string][] = [
    ['Start the round:', `mlsd interview ${prompt.id}`],
    ['Drill one phase:', `mlsd practice ${prompt.id} --phase models`],
    ['Phase checklists:', 'mlsd guide <phase>'],
    ['What is graded:', `mlsd rubric ${prompt.id}`],
  ];
  // A command is never broken across lines: when label and command do not fit, the command goes below.
  const lines = next.map(([label, command]) =>
    LABEL_WIDTH + 1 + command.length <= width ? `${label.padEnd(LABEL_WIDTH)} ${c.cyan(command)}` : `${label}\n  ${c.cyan(command)}`,
  );
  return [planView(interviewPlan(prompt, ROUND_MINUTES), ROUND_MINUTES, { color, timer: true }), ...lines, ''].join('\n');
}

import { findPrompt } from '../content/load.js';
import type { Ctx } from '../context.js';
import { practicePlan } from '../interview/plan.js';
import type { PhaseId } from '../phases.js';
import { loadSittingEdges, requireTerminal, sitFromFile, sitNew, type SittingFlags } from './shared/sitting.js';

export interface PracticeOptions extends SittingFlags {
  id: string;
  phase: PhaseId;
}

/** One phase against its own clock, graded on that phase only and saved with mode `practice`. */
export async function practice(
  options: PracticeOptions,
  ctx: Pick<Ctx, 'out' | 'now' | 'color' | 'width' | 'interactive' | 'readStdin' | 'stdinIsTTY' | 'history' | 'content' | 'grader' | 'vocabulary' | 'asker'>,
): Promise<void> {
  const spec = {
    mode: 'practice' as const,
    plan: practicePlan(options.phase, options.minutes),
    minutes: options.minutes,
    level: options.level,
    db: options.db,
  };
  if (options.answers) {
    const prompt = findPrompt(await ctx.content(), options.id);
    await ctx.grader();
    await sitFromFile({ ...spec, prompt, timer: false, file: options.answers, json: Boolean(options.json) }, ctx);
    return;
  }
  requireTerminal(ctx, 'practice');
  await loadSittingEdges(ctx);
  const prompt = findPrompt(await ctx.content(), options.id);
  await sitNew({ ...spec, prompt, timer: options.timer, editor: Boolean(options.editor) }, ctx);
}

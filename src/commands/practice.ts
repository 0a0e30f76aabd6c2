import { findPrompt, loadContent } from '../content/load.js';
import { loadVocabulary } from '../content/vocabulary.js';
import type { Ctx } from '../context.js';
import { loadGrader } from '../grading/index.js';
import { practicePlan } from '../interview/plan.js';
import type { PhaseId } from '../phases.js';
import { requireTerminal, sitFromFile, sitNew, sittingEdges, type SittingEdges, type SittingFlags } from './shared/sitting.js';

export interface PracticeOptions extends SittingFlags {
  id: string;
  phase: PhaseId;
}

/** One phase against its own clock, graded on that phase only and saved with mode `practice`. */
export async function practice(options: PracticeOptions, ctx: Ctx, given: Partial<SittingEdges> = {}): Promise<void> {
  const spec = {
    mode: 'practice' as const,
    plan: practicePlan(options.phase, options.minutes),
    minutes: options.minutes,
    level: options.level,
    db: options.db,
  };
  if (options.answers) {
    const content = given.content ?? loadContent();
    const prompt = findPrompt(content, options.id);
    const grader = given.grader ?? (await loadGrader({ vocabulary: loadVocabulary() }));
    await sitFromFile({ ...spec, prompt, timer: false, file: options.answers, json: Boolean(options.json) }, ctx, { content, grader });
    return;
  }
  requireTerminal(ctx, 'practice');
  const edges = await sittingEdges(ctx, given);
  const prompt = findPrompt(edges.content, options.id);
  await sitNew({ ...spec, prompt, timer: options.timer, editor: Boolean(options.editor) }, ctx, edges);
}

import { findPrompt, loadContent, type Content } from '../content/load.js';
import type { Prompt } from '../content/schema.js';
import { loadVocabulary } from '../content/vocabulary.js';
import type { Ctx } from '../context.js';
import { usageError } from '../errors.js';
import { loadGrader } from '../grading/index.js';
import { interviewPlan } from '../interview/plan.js';
import { nextDrill, phaseAverages, promptForPhase, weakestPhase } from '../interview/progress.js';
import { openHistory } from '../store/history.js';
import type { Choice } from '../interview/asker.js';
import { terminalWidth } from '../ui/markdown.js';
import { paint } from '../ui/paint.js';
import { flow, piece, wrap } from '../ui/text.js';
import { requireTerminal, sitFromFile, sitNew, sittingEdges, type SittingEdges, type SittingFlags } from './shared/sitting.js';

export interface InterviewOptions extends SittingFlags {
  id?: string;
  random?: boolean;
  weakest?: boolean;
}

export async function interview(options: InterviewOptions, ctx: Ctx, given: Partial<SittingEdges> = {}): Promise<void> {
  if (options.answers) {
    if (!options.id) throw usageError("--answers needs a prompt id.", "Run: mlsd interview <prompt-id> --answers <answer.md>");
    const content = given.content ?? loadContent();
    const prompt = findPrompt(content, options.id);
    const grader = given.grader ?? (await loadGrader({ vocabulary: loadVocabulary() }));
    await sitFromFile(
      { prompt, mode: 'interview', plan: interviewPlan(prompt, options.minutes), minutes: options.minutes, level: options.level,
        timer: false, db: options.db, file: options.answers, json: Boolean(options.json) },
      ctx,
      { content, grader },
    );
    return;
  }
  requireTerminal(ctx, 'interview');
  const edges = await sittingEdges(ctx, given);
  const prompt = await choosePrompt(options, ctx, edges);
  await sitNew(
    { prompt, mode: 'interview', plan: interviewPlan(prompt, options.minutes), minutes: options.minutes, level: options.level,
      timer: options.timer, editor: Boolean(options.editor), db: options.db },
    ctx,
    edges,
  );
}

async function choosePrompt(options: InterviewOptions, ctx: Ctx, edges: SittingEdges): Promise<Prompt> {
  const { content } = edges;
  if (options.id) return findPrompt(content, options.id);
  if (options.random) return content.prompts[Math.floor(Math.random() * content.prompts.length)]!;
  if (options.weakest) {
    const pick = weakestPick(content, options.db, ctx);
    if (pick) return pick;
  }
  const id = await edges.ask.choose('Choose a prompt (type to search)', promptChoices(content.prompts, terminalWidth()));
  return findPrompt(content, id);
}

/** The list entries, sized to the terminal so the list prompt never breaks a word (the id goes when it would). */
export function promptChoices(prompts: readonly Prompt[], width: number): Choice[] {
  return prompts.map((p) => {
    const named = `${p.title} (${p.id})`;
    return {
      value: p.id,
      name: named.length + 2 <= width ? named : p.title,
      description: wrap(`${p.id} · ${p.domain} · ${p.difficulty} — ${p.summary}`, width),
    };
  });
}

/** The prompt that drills the weakest phase in history, or null (with a note) when there is no history. */
function weakestPick(content: Content, db: string | undefined, ctx: Ctx): Prompt | null {
  const c = paint(ctx.color);
  const history = openHistory(db, ctx.env);
  try {
    const sessions = history.sessions.list().filter((s) => s.grade);
    const weakest = weakestPhase(phaseAverages(sessions));
    if (!weakest) {
      ctx.out(c.dim('No graded sessions yet, so there is no weakest phase to drill; choose a prompt instead.\n'));
      return null;
    }
    const prompt = promptForPhase(content.prompts, weakest.phase, sessions);
    if (prompt) {
      // This is a whole round on the prompt that weighs the phase most; say how to drill the phase alone.
      const words = `Your weakest phase is ${weakest.phase} (avg ${Math.round(weakest.average)}): this round is ${prompt.id}, the prompt that weighs it most. To drill only that phase:`;
      const pieces = [...words.split(' ').map((w) => piece(w, c.dim)), piece(nextDrill(prompt.id, weakest.phase), c.dim)];
      ctx.out(`${flow(pieces, terminalWidth(), '', '').join('\n')}\n`);
    }
    return prompt;
  } finally {
    history.db.close();
  }
}

import { findPrompt, type Content } from '../content/load.js';
import type { Prompt } from '../content/schema.js';
import type { Ctx } from '../context.js';
import { usageError } from '../errors.js';
import { interviewPlan } from '../interview/plan.js';
import { nextDrill, phaseAverages, promptForPhase, weakestPhase } from '../interview/progress.js';
import type { Choice } from '../interview/asker.js';
import { paint } from '../ui/paint.js';
import { flow, piece, wrap } from '../ui/text.js';
import { loadSittingEdges, requireTerminal, sitFromFile, sitNew, type SittingFlags } from './shared/sitting.js';

export interface InterviewOptions extends SittingFlags {
  id?: string;
  random?: boolean;
  weakest?: boolean;
}

type InterviewCtx = Pick<Ctx, 'out' | 'now' | 'color' | 'width' | 'interactive' | 'readStdin' | 'stdinIsTTY' | 'history' | 'content' | 'grader' | 'vocabulary' | 'asker'>;

export async function interview(options: InterviewOptions, ctx: InterviewCtx): Promise<void> {
  if (options.answers) {
    if (!options.id) throw usageError("--answers needs a prompt id.", "Run: mlsd interview <prompt-id> --answers <answer.md>");
    const prompt = findPrompt(await ctx.content(), options.id);
    await ctx.grader();
    await sitFromFile(
      { prompt, mode: 'interview', plan: interviewPlan(prompt, options.minutes), minutes: options.minutes, level: options.level,
        timer: false, db: options.db, file: options.answers, json: Boolean(options.json) },
      ctx,
    );
    return;
  }
  requireTerminal(ctx, 'interview');
  await loadSittingEdges(ctx);
  const prompt = await choosePrompt(options, ctx);
  await sitNew(
    { prompt, mode: 'interview', plan: interviewPlan(prompt, options.minutes), minutes: options.minutes, level: options.level,
      timer: options.timer, editor: Boolean(options.editor), db: options.db },
    ctx,
  );
}

async function choosePrompt(options: InterviewOptions, ctx: InterviewCtx): Promise<Prompt> {
  const content = await ctx.content();
  if (options.id) return findPrompt(content, options.id);
  if (options.random) return content.prompts[Math.floor(Math.random() * content.prompts.length)]!;
  if (options.weakest) {
    const pick = await weakestPick(content, options.db, ctx);
    if (pick) return pick;
  }
  const ask = await ctx.asker();
  const id = await ask.choose('Choose a prompt (type to search)', promptChoices(content.prompts, ctx.width));
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
async function weakestPick(content: Content, db: string | undefined, ctx: Pick<Ctx, 'out' | 'color' | 'width' | 'history'>): Promise<Prompt | null> {
  const c = paint(ctx.color);
  const history = await ctx.history(db);
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
    ctx.out(`${flow(pieces, ctx.width, '', '').join('\n')}\n`);
  }
  return prompt;
}

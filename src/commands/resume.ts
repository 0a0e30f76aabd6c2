import { findPrompt } from '../content/load.js';
import type { Ctx } from '../context.js';
import { UserError } from '../errors.js';
import { resolveSession } from '../store/history.js';
import { loadSittingEdges, requireTerminal, sitAgain } from './shared/sitting.js';

export interface ResumeOptions {
  id?: string;
  editor?: boolean;
  db?: string;
}

/** Continues an in-progress session at the step where it stopped, with its draft restored. */
export async function resume(
  options: ResumeOptions,
  ctx: Pick<Ctx, 'out' | 'now' | 'color' | 'width' | 'interactive' | 'history' | 'content' | 'grader' | 'vocabulary' | 'asker'>,
): Promise<void> {
  requireTerminal(ctx, 'resume', 'Run it again in a terminal. Without one, `mlsd review <session>` shows the answers so far and `mlsd abandon <session>` closes it.');
  const history = await ctx.history(options.db, { write: true, mustExist: true });
  const session = options.id ? resolveSession(history.sessions, options.id) : history.sessions.latestInProgress();
  if (!session) {
    throw new UserError('no session is in progress.', { hint: 'Start one with `mlsd interview`; `mlsd history` lists past sessions.' });
  }
  if (session.status !== 'in-progress') {
    throw new UserError(`session ${session.id} is ${session.status}; only an in-progress session can be resumed.`, {
      hint: session.status === 'completed'
        ? `See its feedback with \`mlsd review ${session.id}\`.`
        : `Its answers are kept: \`mlsd review ${session.id}\`; \`mlsd interview ${session.promptId}\` starts it afresh.`,
    });
  }
  await loadSittingEdges(ctx);
  const prompt = findPrompt(await ctx.content(), session.promptId);
  await sitAgain(session, prompt, Boolean(options.editor), history, ctx);
}

import { findPrompt } from '../content/load.js';
import type { Ctx } from '../context.js';
import { UserError } from '../errors.js';
import { resolveSession } from '../store/history.js';
import { openKnownHistory } from './shared/known-history.js';
import { requireTerminal, sitAgain, sittingEdges, type SittingEdges } from './shared/sitting.js';

export interface ResumeOptions {
  id?: string;
  editor?: boolean;
  db?: string;
}

/** Continues an in-progress session at the step where it stopped, with its draft restored. */
export async function resume(options: ResumeOptions, ctx: Ctx, given: Partial<SittingEdges> = {}): Promise<void> {
  requireTerminal(ctx, 'resume', 'Run it again in a terminal. Without one, `mlsd review <session>` shows the answers so far and `mlsd abandon <session>` closes it.');
  const history = openKnownHistory(options.db, ctx.env, { write: true });
  try {
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
    const edges = await sittingEdges(ctx, given);
    const prompt = findPrompt(edges.content, session.promptId);
    await sitAgain(session, prompt, Boolean(options.editor), history, ctx, edges);
  } finally {
    history.db.close();
  }
}

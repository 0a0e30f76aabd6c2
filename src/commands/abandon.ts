import type { Ctx } from '../context.js';
import { UserError } from '../errors.js';
import { resolveSession } from '../store/history.js';
import { safeText } from '../ui/safe-text.js';

export interface AbandonOptions {
  id: string;
  db?: string;
}

/**
 * Closes an in-progress session the user will not finish, so `resume` stops offering it and history shows it
 * as abandoned. Nothing is deleted: its answers and draft stay readable with `mlsd review`.
 */
export async function abandon(options: AbandonOptions, ctx: Pick<Ctx, 'out' | 'now' | 'history'>): Promise<void> {
  const history = await ctx.history(options.db, { write: true, mustExist: true });
  const session = resolveSession(history.sessions, options.id);
  if (session.status === 'abandoned') {
    ctx.out(`Session ${session.id} was already abandoned.\n`);
    return;
  }
  if (session.status === 'completed') {
    throw new UserError(`session ${session.id} is completed; only an in-progress session can be abandoned.`, {
      hint: `See its feedback with \`mlsd review ${session.id}\`.`,
    });
  }
  history.sessions.abandon(session.id, ctx.now());
  ctx.out(`Session ${session.id} (${safeText(session.promptId)}) is abandoned; its answers are kept: \`mlsd review ${session.id}\`.\n`);
}

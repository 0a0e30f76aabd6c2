import type { Ctx } from '../context.js';
import { UserError } from '../errors.js';

export interface HistoryOptions {
  json?: boolean;
  prompt?: string;
  db?: string;
}

export async function history(_options: HistoryOptions, _ctx: Pick<Ctx, 'out'>): Promise<void> {
  throw new UserError('`mlsd history` is not built yet.', { hint: 'It lands with a later change.' });
}

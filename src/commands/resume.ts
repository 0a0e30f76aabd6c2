import type { Ctx } from '../context.js';
import { UserError } from '../errors.js';

export interface ResumeOptions {
  id?: string;
  editor?: boolean;
  db?: string;
}

export async function resume(_options: ResumeOptions, _ctx: Pick<Ctx, 'out'>): Promise<void> {
  throw new UserError('`mlsd resume` is not built yet.', { hint: 'It lands with a later change.' });
}

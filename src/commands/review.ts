import type { Ctx } from '../context.js';
import { UserError } from '../errors.js';

export interface ReviewOptions {
  id: string;
  json?: boolean;
  db?: string;
}

export async function review(_options: ReviewOptions, _ctx: Pick<Ctx, 'out'>): Promise<void> {
  throw new UserError('`mlsd review` is not built yet.', { hint: 'It lands with a later change.' });
}

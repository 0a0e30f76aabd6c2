import type { Ctx } from '../context.js';
import { UserError } from '../errors.js';

export interface ShowOptions {
  id: string;
}

export async function show(_options: ShowOptions, _ctx: Pick<Ctx, 'out'>): Promise<void> {
  throw new UserError('`mlsd show` is not built yet.', { hint: 'It lands with a later change.' });
}

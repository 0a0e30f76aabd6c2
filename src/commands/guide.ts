import type { Ctx } from '../context.js';
import { UserError } from '../errors.js';

export interface GuideOptions {
  phase?: string;
}

export async function guide(_options: GuideOptions, _ctx: Pick<Ctx, 'out'>): Promise<void> {
  throw new UserError('`mlsd guide` is not built yet.', { hint: 'It lands with a later change.' });
}

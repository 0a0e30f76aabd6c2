import type { Ctx } from '../context.js';
import { UserError } from '../errors.js';

export interface ScoreOptions {
  id: string;
  answer: string;
  json?: boolean;
  level?: import('../content/schema.js').Level;
}

export async function score(_options: ScoreOptions, _ctx: Pick<Ctx, 'out'>): Promise<void> {
  throw new UserError('`mlsd score` is not built yet.', { hint: 'It lands with a later change.' });
}

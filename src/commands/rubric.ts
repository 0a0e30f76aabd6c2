import type { Ctx } from '../context.js';
import { UserError } from '../errors.js';

export interface RubricOptions {
  id: string;
  phase?: import('../phases.js').PhaseId;
  level?: import('../content/schema.js').Level;
  json?: boolean;
}

export async function rubric(_options: RubricOptions, _ctx: Pick<Ctx, 'out'>): Promise<void> {
  throw new UserError('`mlsd rubric` is not built yet.', { hint: 'It lands with a later change.' });
}

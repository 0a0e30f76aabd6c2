import type { Ctx } from '../context.js';
import { UserError } from '../errors.js';

export interface PracticeOptions {
  id: string;
  phase: import('../phases.js').PhaseId;
  minutes: number;
  level: import('../content/schema.js').Level;
  timer: boolean;
  editor?: boolean;
  answers?: string;
  json?: boolean;
  db?: string;
}

export async function practice(_options: PracticeOptions, _ctx: Pick<Ctx, 'out'>): Promise<void> {
  throw new UserError('`mlsd practice` is not built yet.', { hint: 'It lands with a later change.' });
}

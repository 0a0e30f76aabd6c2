import type { Ctx } from '../context.js';
import { UserError } from '../errors.js';

export interface InterviewOptions {
  id?: string;
  random?: boolean;
  weakest?: boolean;
  minutes: number;
  level: import('../content/schema.js').Level;
  timer: boolean;
  editor?: boolean;
  answers?: string;
  json?: boolean;
  db?: string;
}

export async function interview(_options: InterviewOptions, _ctx: Pick<Ctx, 'out'>): Promise<void> {
  throw new UserError('`mlsd interview` is not built yet.', { hint: 'It lands with a later change.' });
}

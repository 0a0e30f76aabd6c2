import type { Ctx } from '../context.js';
import { UserError } from '../errors.js';

export interface ExportOptions {
  id: string;
  format: 'md' | 'json';
  output?: string;
  db?: string;
}

export async function exportSession(_options: ExportOptions, _ctx: Pick<Ctx, 'out'>): Promise<void> {
  throw new UserError('`mlsd export` is not built yet.', { hint: 'It lands with a later change.' });
}

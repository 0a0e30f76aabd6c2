import type { Ctx } from '../context.js';
import { UserError } from '../errors.js';

export interface PromptsOptions {
  json?: boolean;
}

export async function prompts(_options: PromptsOptions, _ctx: Pick<Ctx, 'out'>): Promise<void> {
  throw new UserError('`mlsd prompts` is not built yet.', { hint: 'It lands with a later change.' });
}

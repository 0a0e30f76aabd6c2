import type { Ctx } from '../context.js';
import { UserError } from '../errors.js';

export interface PipelineOptions {
  json?: boolean;
  items: number;
  users: number;
  requests: number;
  seed: number;
  candidates: number;
  ranked: number;
  feed: number;
  diversity: number;
  budget: number;
  cache: boolean;
  explain?: boolean | string;
}

export async function pipeline(_options: PipelineOptions, _ctx: Pick<Ctx, 'out'>): Promise<void> {
  throw new UserError('`mlsd pipeline` is not built yet.', { hint: 'It lands with a later change.' });
}

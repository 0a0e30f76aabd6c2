import { writeFileSync } from 'node:fs';
import { loadContent } from '../content/load.js';
import type { Ctx } from '../context.js';
import { UserError } from '../errors.js';
import { reviewJson } from '../interview/summary.js';
import { openHistory, resolveSession } from '../store/history.js';
import { sessionMarkdown } from '../ui/session-markdown.js';

export interface ExportOptions {
  id: string;
  format: 'md' | 'json';
  output?: string;
  db?: string;
}

/** A session report as plain Markdown (or JSON), to stdout or a file. */
export async function exportSession(options: ExportOptions, ctx: Pick<Ctx, 'out' | 'env'>): Promise<void> {
  const history = openHistory(options.db, ctx.env);
  let text: string;
  try {
    const session = resolveSession(history.sessions, options.id);
    const review = reviewJson(session, history.sessions.entries(session.id));
    text = options.format === 'json' ? `${JSON.stringify(review, null, 2)}\n` : sessionMarkdown(review, promptTitle(session.promptId));
  } finally {
    history.db.close();
  }
  if (!options.output) {
    ctx.out(text);
    return;
  }
  try {
    writeFileSync(options.output, text);
  } catch (err) {
    throw new UserError(`cannot write ${options.output}: ${(err as Error).message}`, { hint: 'Choose a writable path for -o.' });
  }
  ctx.out(`Wrote ${options.output}\n`);
}

/** The prompt's title when the content still has it; the id otherwise (a report must not fail on that). */
function promptTitle(promptId: string): string {
  try {
    return loadContent().prompts.find((p) => p.id === promptId)?.title ?? promptId;
  } catch {
    return promptId;
  }
}

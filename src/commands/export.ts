import { writeFileSync } from 'node:fs';
import { loadContent } from '../content/load.js';
import type { Ctx } from '../context.js';
import { UserError } from '../errors.js';
import { reviewJson } from '../interview/summary.js';
import { resolveSession } from '../store/history.js';
import { openKnownHistory } from './shared/known-history.js';
import { safeText } from '../ui/safe-text.js';
import { sessionMarkdown, type CriterionNotes } from '../ui/session-markdown.js';

export interface ExportOptions {
  id: string;
  format: 'md' | 'json';
  output?: string;
  db?: string;
}

/** A session report as plain Markdown (or JSON), to stdout or a file. */
export async function exportSession(options: ExportOptions, ctx: Pick<Ctx, 'out' | 'env'>): Promise<void> {
  const history = openKnownHistory(options.db, ctx.env);
  let text: string;
  try {
    const session = resolveSession(history.sessions, options.id);
    const review = reviewJson(session, history.sessions.entries(session.id));
    const about = options.format === 'md' ? promptInfo(session.promptId) : undefined;
    text = options.format === 'json' ? `${JSON.stringify(review, null, 2)}\n` : sessionMarkdown(review, about?.title ?? session.promptId, about?.notes);
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
  ctx.out(`Wrote ${safeText(options.output)}\n`);
}

/**
 * The prompt's title and what its rubric says about each criterion, when the content still has the prompt;
 * a saved report must not fail because content changed since.
 */
function promptInfo(promptId: string): { title: string; notes: Map<string, CriterionNotes> } | undefined {
  let content;
  try {
    content = loadContent();
  } catch {
    return undefined;
  }
  const prompt = content.prompts.find((p) => p.id === promptId);
  if (!prompt) return undefined;
  const notes = new Map([...content.framework.criteria, ...prompt.rubric.criteria].map((c) => [c.id, { why: c.why, strong: c.strong }]));
  return { title: prompt.title, notes };
}

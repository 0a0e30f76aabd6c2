import { closeSync, fchmodSync, fsyncSync, openSync, readSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Ctx } from '../context.js';
import { UserError } from '../errors.js';
import { reviewJson } from '../interview/summary.js';
import { resolveSession } from '../store/history.js';
import { jsonText, safeText } from '../ui/safe-text.js';
import { sessionMarkdown, type CriterionNotes } from '../ui/session-markdown.js';
import { placeIfFree, tempBeside } from '../util/place-file.js';
import { systemErrorText } from '../util/system-error.js';

export interface ExportOptions {
  id: string;
  format: 'md' | 'json';
  output?: string;
  db?: string;
  /** Replace an existing -o file (never the history database or another SQLite file). */
  force?: boolean;
}

/** A session report as plain Markdown (or JSON), to stdout or a file. */
export async function exportSession(options: ExportOptions, ctx: Pick<Ctx, 'out' | 'history' | 'content'>): Promise<void> {
  const history = await ctx.history(options.db, { mustExist: true });
  const session = resolveSession(history.sessions, options.id);
  const review = reviewJson(session, history.sessions.entries(session.id));
  const about = options.format === 'md' ? await promptInfo(session.promptId, ctx) : undefined;
  const text = options.format === 'json' ? `${jsonText(review)}\n` : sessionMarkdown(review, about?.title ?? session.promptId, about?.notes);
  if (!options.output) {
    ctx.out(text);
    return;
  }
  writeReport(options.output, text, { force: Boolean(options.force), historyFile: history.file });
  ctx.out(`Wrote ${safeText(options.output)}\n`);
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const WAL_MAGIC = [0x377f0682, 0x377f0683];

/** The path with its folder's symbolic links resolved (and the file's own, when it exists). */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/** An SQLite database or write-ahead log, by its first bytes. */
function isSqliteFile(path: string): boolean {
  const head = Buffer.alloc(SQLITE_HEADER.length);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const read = readSync(fd, head, 0, head.length, 0);
    return (read === head.length && head.equals(SQLITE_HEADER)) || (read >= 4 && WAL_MAGIC.includes(head.readUInt32BE(0)));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes the report to `output`: refused when the file exists (unless --force), and always when it is the
 * history database, one of its companion files, or any SQLite file. The text goes to a temporary file in the
 * same folder that then takes the name, so a failed write leaves the old file whole.
 */
function writeReport(output: string, text: string, options: { force: boolean; historyFile: string }): void {
  const fail = (err: unknown) =>
    new UserError(`cannot write ${output}: ${systemErrorText(err)}.`, { hint: 'Choose a writable path for -o.' });
  const never = (what: string) =>
    new UserError(`${output} ${what}; a report is never written over it, even with --force.`, {
      hint: 'Choose another file for -o (e.g. -o report.md).',
    });
  const target = realPath(output);
  if (options.historyFile !== ':memory:') {
    const db = realPath(options.historyFile);
    if (target === db) throw never('is the history database');
    if (['-wal', '-shm', '-journal'].some((suffix) => target === `${db}${suffix}`)) throw never('belongs to the history database');
  }
  let existing: Stats | undefined;
  try {
    existing = statSync(target);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw fail(err);
  }
  if (existing?.isDirectory()) throw new UserError(`${output} is a folder.`, { hint: `Give -o a file path, e.g. -o ${join(output, 'report.md')}.` });
  if (existing && isSqliteFile(target)) throw never('is an SQLite database');
  if (existing && !options.force) throw alreadyThere(output);
  const temp = tempBeside(target, 'tmp');
  try {
    const fd = openSync(temp, 'wx');
    try {
      if (existing) fchmodSync(fd, existing.mode & 0o7777);
      writeFileSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (existing) renameSync(temp, target);
    else if (!placeIfFree(temp, target)) throw alreadyThere(output);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw fail(err);
  } finally {
    rmSync(temp, { force: true });
  }
}

const alreadyThere = (output: string) =>
  new UserError(`${output} already exists; it was not overwritten.`, { hint: 'Add --force to replace it, or choose another file with -o.' });

/**
 * The prompt's title and what its rubric says about each criterion, when the content still has the prompt;
 * a saved report must not fail because content changed since.
 */
async function promptInfo(promptId: string, ctx: Pick<Ctx, 'content'>): Promise<{ title: string; notes: Map<string, CriterionNotes> } | undefined> {
  let content;
  try {
    content = await ctx.content();
  } catch {
    return undefined;
  }
  const prompt = content.prompts.find((p) => p.id === promptId);
  if (!prompt) return undefined;
  const notes = new Map([...content.framework.criteria, ...prompt.rubric.criteria].map((c) => [c.id, { why: c.why, strong: c.strong }]));
  return { title: prompt.title, notes };
}

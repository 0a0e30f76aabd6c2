import { resolve } from 'node:path';
import type { Ctx } from '../context.js';
import { promptFiles } from '../content/load.js';
import { rubricFor } from '../content/rubric.js';
import { UserError } from '../errors.js';
import { contentDataDir, promptsDir } from '../paths.js';
import { paint } from '../ui/paint.js';
import { jsonText, safeText } from '../ui/safe-text.js';
import { flow, padVisible, piece, visibleLength, wrap } from '../ui/text.js';

export interface PromptsOptions {
  json?: boolean;
}

/** One entry of `mlsd prompts --json`: the contract shape plus the one-line summary. */
export interface PromptListing {
  id: string;
  title: string;
  domain: string;
  difficulty: string;
  criteria: number;
  summary: string;
}

export async function prompts(options: PromptsOptions, ctx: Pick<Ctx, 'out' | 'color' | 'width' | 'content'>): Promise<void> {
  const content = await ctx.content();
  const rows: PromptListing[] = content.prompts.map((p) => ({
    id: p.id,
    title: p.title,
    domain: p.domain,
    difficulty: p.difficulty,
    criteria: rubricFor(p, content.framework).length,
    summary: p.summary,
  }));
  if (options.json) {
    ctx.out(`${jsonText(rows)}\n`);
    return;
  }
  ctx.out(renderPromptTable(rows, ctx.color, ctx.width));
}

/** A table when it fits the width, otherwise one block per prompt; each with its summary and what to run next. */
export function renderPromptTable(rows: readonly PromptListing[], color: boolean, width: number): string {
  const c = paint(color);
  if (!rows.length) return `${c.dim('No prompts found.')}\n`;
  const header = ['id', 'title', 'domain', 'difficulty', 'criteria'];
  const cells = rows.map((r) => [r.id, r.title, r.domain, r.difficulty, String(r.criteria)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => padVisible(cell, widths[i]!)).join('  ').trimEnd();
  const fits = visibleLength(line(header)) <= width;
  const body = rows.flatMap((r, i) => [
    ...(fits
      ? [line([c.bold(r.id), ...cells[i]!.slice(1)])]
      : flow([piece(r.id, c.bold), piece(`${r.difficulty} · ${r.criteria} criteria · ${r.domain}`)], width, '', '  ', '  ')),
    ...(fits ? [] : [wrap(r.title, width, '  ')]),
    c.dim(wrap(r.summary, width, '  ')),
    ...(fits || i === rows.length - 1 ? [] : ['']),
  ]);
  const first = rows[0]!.id;
  return [
    ...(fits ? [c.dim(line(header))] : []),
    ...body,
    '',
    c.dim(`Read a prompt:     mlsd show ${first}`),
    c.dim(`See its rubric:    mlsd rubric ${first}`),
    c.dim(`Take a mock round: mlsd interview ${first}`),
    '',
  ].join('\n');
}

export interface ValidateOptions {
  /** A pack folder; without it, the built-in prompts/ and data/. */
  dir?: string;
  json?: boolean;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** `mlsd prompts validate [dir]`: every problem of every file on stdout and exit 1, else a one-line summary. */
export async function validatePrompts(options: ValidateOptions, ctx: Pick<Ctx, 'out' | 'framework'>): Promise<void> {
  const { builtinIds, validateBuiltIn, validatePackFolder } = await import('../content/packs.js');
  const builtIn = { promptsDir: promptsDir(), dataDir: contentDataDir(), promptFiles: promptFiles() };
  const shipped = [builtIn.promptsDir, builtIn.dataDir].map((d) => resolve(d));
  const report =
    options.dir === undefined || shipped.includes(resolve(options.dir))
      ? validateBuiltIn(builtIn)
      : validatePackFolder(options.dir, { framework: await ctx.framework(), builtins: builtinIds(builtIn.promptFiles) });
  const { issues } = report;
  if (options.json) ctx.out(`${jsonText({ valid: !issues.length, ...report })}\n`);
  else if (issues.length) ctx.out(issues.map((i) => `${safeText(i.file)} → ${safeText(i.path)}: ${safeText(i.message)}\n`).join(''));
  if (issues.length) {
    const files = new Set(issues.map((i) => i.file)).size;
    throw new UserError(`${plural(issues.length, 'problem', 'problems')} in ${plural(files, 'file', 'files')}.`, {
      hint: 'Fix each field named above and run `mlsd prompts validate` again; docs/authoring.md describes every field.',
    });
  }
  if (!options.json) {
    ctx.out(`${plural(report.prompts, 'prompt', 'prompts')}, ${plural(report.criteria, 'criterion', 'criteria')}, ${plural(report.pitfalls, 'pitfall', 'pitfalls')}: all valid\n`);
  }
}

import type { Ctx } from '../context.js';
import { rubricFor } from '../content/rubric.js';
import { paint } from '../ui/paint.js';
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
    ctx.out(`${JSON.stringify(rows, null, 2)}\n`);
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

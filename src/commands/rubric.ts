import type { Ctx } from '../context.js';
import { findPrompt } from '../content/load.js';
import { byPhase, expectedAt, rubricFor, type RubricCriterion } from '../content/rubric.js';
import type { Level, Prompt } from '../content/schema.js';
import { phaseInfo, type PhaseId } from '../phases.js';
import { paint } from '../ui/paint.js';
import { flow, piece, rule, visibleLength, wrap } from '../ui/text.js';
import { jsonText } from '../ui/safe-text.js';

export interface RubricOptions {
  id: string;
  phase?: PhaseId;
  level?: Level;
  json?: boolean;
}

/** What `mlsd rubric --json` prints. */
export interface RubricListing {
  promptId: string;
  title: string;
  /** The filters applied; null when not given. */
  phase: PhaseId | null;
  level: Level | null;
  phases: { id: PhaseId; title: string; criteria: RubricCriterion[] }[];
}

export async function rubric(options: RubricOptions, ctx: Pick<Ctx, 'out' | 'color' | 'width' | 'content'>): Promise<void> {
  const content = await ctx.content();
  const prompt = findPrompt(content, options.id);
  const listing = rubricListing(prompt, rubricFor(prompt, content.framework), options);
  ctx.out(options.json ? `${jsonText(listing)}\n` : renderRubric(listing, ctx.color, ctx.width));
}

export function rubricListing(
  prompt: Prompt,
  criteria: readonly RubricCriterion[],
  filters: { phase?: PhaseId; level?: Level },
): RubricListing {
  const kept = criteria.filter(
    (c) => (!filters.phase || c.phase === filters.phase) && (!filters.level || expectedAt(c.level, filters.level)),
  );
  return {
    promptId: prompt.id,
    title: prompt.title,
    phase: filters.phase ?? null,
    level: filters.level ?? null,
    phases: byPhase(kept)
      .filter((group) => !filters.phase || group.phase === filters.phase)
      .map((group) => ({ id: group.phase, title: phaseInfo(group.phase).title, criteria: group.criteria })),
  };
}

function describeFilters(listing: RubricListing): string {
  const phase = listing.phase ? `the ${phaseInfo(listing.phase).title.toLowerCase()} phase` : 'all phases';
  const level = listing.level ? `criteria expected up to ${listing.level} level` : 'every level';
  return `${phase}, ${level}`;
}

export function renderRubric(listing: RubricListing, color: boolean, terminalColumns: number): string {
  const c = paint(color);
  const width = Math.min(terminalColumns, 100);
  const all = listing.phases.flatMap((p) => p.criteria);
  const own = all.filter((x) => !x.framework).length;
  const out: string[] = [
    ...flow([piece(listing.promptId, c.bold), piece(`· ${listing.title}`, c.bold)], width, '', ''),
    c.dim(wrap(`${all.length} criteria (${own} for this prompt, ${all.length - own} from the shared framework) · ${describeFilters(listing)}`, width)),
    c.dim(wrap('Weight 1–5: how much a criterion counts. Level: mid = every passing answer has it, senior = specific techniques and trade-offs, staff = system-wide and long-term concerns.', width)),
    '',
  ];
  if (!all.length) {
    out.push(`No criteria match ${describeFilters(listing)}.`, '');
    return out.join('\n');
  }
  for (const phase of listing.phases) {
    if (!phase.criteria.length) continue;
    const weight = phase.criteria.reduce((sum, x) => sum + x.weight, 0);
    out.push(c.bold(rule(phase.title, width, `${phase.criteria.length} criteria · weight ${weight}`)));
    for (const criterion of phase.criteria) out.push(...renderCriterion(criterion, c, width), '');
  }
  return out.join('\n');
}

function renderCriterion(x: RubricCriterion, c: ReturnType<typeof paint>, width: number): string[] {
  const tags = [x.level, `weight ${x.weight}`, ...(x.numeric ? ['needs a number'] : []), ...(x.framework ? ['framework'] : [])];
  const head = wrap(x.title, width, '  ', '  ').split('\n').map((l) => c.bold(l)).join('\n');
  const right = c.dim(tags.join(' · '));
  const gap = width - visibleLength(head) - visibleLength(right);
  const title = !head.includes('\n') && gap >= 2 ? `${head}${' '.repeat(gap)}${right}` : `${head}\n    ${right}`;
  return [
    title,
    c.dim(wrap(x.why, width, '    why     ', '            ')),
    wrap(x.strong, width, `    ${c.green('strong')}  `, '            '),
  ];
}

import type { Ctx } from '../context.js';
import { usageError } from '../errors.js';
import { INTERVIEW_STEPS, interviewPlan } from '../interview/plan.js';
import type { StepId } from '../interview/types.js';
import type { Framework } from '../content/schema.js';
import { PHASES } from '../phases.js';
import { mmss, stepTitle } from '../ui/interview-view.js';
import { paint } from '../ui/paint.js';
import { rule, wrap } from '../ui/text.js';
import { closest, editDistance } from '../util/closest.js';

export interface GuideOptions {
  phase?: string;
}

const CLARIFYING_NAMES = ['clarifying', 'clarify', 'clarifying questions', 'clarification', 'questions'];

/** The step a user typed: an id, or a heading that names a phase ("evaluation" → metrics). */
export function resolveStep(input: string): StepId {
  const name = input.trim().toLowerCase().replace(/[-_]+/g, ' ');
  if (CLARIFYING_NAMES.includes(name)) return 'clarifying';
  const phase = PHASES.find((p) => p.id === name || p.headings.includes(name));
  if (phase) return phase.id;
  const names = new Map<string, StepId>([
    ...CLARIFYING_NAMES.map((n) => [n, 'clarifying'] as const),
    ...PHASES.flatMap((p) => [p.id, ...p.headings].map((n) => [n, p.id] as const)),
  ]);
  // Phase names are short, so the shared 3-edit allowance would match any word ("foo" → "metrics"): here a
  // suggestion must be a near-typo or contain what was typed.
  const [best] = (name.length >= 3 ? closest(name, [...names.keys()], 1) : [])
    .filter((n) => n.includes(name) || editDistance(name, n) <= 2);
  throw usageError(
    `unknown phase "${input}"${best ? ` (did you mean "${names.get(best)}"?)` : ''}`,
    `Phases: ${INTERVIEW_STEPS.join(', ')}. Run \`mlsd guide\` for all of them.`,
  );
}

export async function guide(options: GuideOptions, ctx: Pick<Ctx, 'out' | 'color' | 'width' | 'framework'>): Promise<void> {
  const steps = options.phase === undefined ? INTERVIEW_STEPS : [resolveStep(options.phase)];
  ctx.out(renderGuide(await ctx.framework(), steps, ctx.color, Math.min(ctx.width, 100)));
}

export function renderGuide(framework: Framework, steps: readonly StepId[], color: boolean, width: number): string {
  const c = paint(color);
  // m:ss like the plan in `mlsd show`: whole minutes rounded each way would add up to 46.
  const minutes = new Map(interviewPlan({}, 45).map((s) => [s.step, mmss(s.budgetMs)]));
  const out: string[] = [];
  if (steps.length > 1) {
    out.push(
      ...wrap('The framework: seven steps of a 45-minute ML system design round', width).split('\n').map((l) => c.bold(l)),
      c.dim(wrap('Minutes are a default split; each prompt may shift them (see `mlsd show <prompt>`). `mlsd guide <phase>` prints one step.', width)),
      '',
    );
  }
  for (const step of steps) {
    const entry = framework.guide[step];
    out.push(c.bold(rule(stepTitle(step), width, `about ${minutes.get(step)} of 45:00`)));
    out.push(wrap(entry.focus, width, '', ''), '');
    out.push(c.bold('Checklist'), ...entry.checklist.map((item) => wrap(item, width, '  • ', '    ')), '');
    out.push(c.bold('Example'), ...entry.example.trim().split(/\n\s*\n/).map((para) => c.italic(wrap(para.replace(/\s+/g, ' '), width, '  │ ', '  │ '))), '');
    if (entry.pitfalls.length) {
      out.push(c.bold('Pitfalls'), ...entry.pitfalls.map((item) => wrap(item, width, `  ${c.red('✗')} `, '    ')), '');
    }
    const graded = framework.criteria.filter((x) => x.phase === step);
    if (graded.length) {
      out.push(c.dim('Graded in every prompt:'), ...graded.map((x) => c.dim(wrap(`${x.title} (${x.level})`, width, '  · ', '    '))), '');
    }
  }
  return out.join('\n');
}

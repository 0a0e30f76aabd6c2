import type { Criterion, Framework, Prompt } from '../content/schema.js';
import { phaseInfo, type PhaseId } from '../phases.js';
import type { CardKey } from './cards.js';

/** A card as a drill asks it: the prompt, the criterion and the question. */
export interface DrillItem<C extends CardKey = CardKey> {
  card: C;
  prompt: Prompt;
  criterion: Criterion;
  phase: PhaseId;
  question: string;
}

/**
 * The question for a criterion in a prompt's setting: its drill question, else the prompt's probe for it, else
 * a question about the phase in the prompt's setting (never the criterion's title with a question mark).
 */
export function drillQuestion(prompt: Prompt, criterion: Criterion): string {
  const drill = criterion.drill?.trim();
  if (drill) return drill;
  const probe = prompt.probes.find((p) => p.criterion === criterion.id);
  if (probe) return probe.question;
  return `For ${prompt.title}, walk me through your ${phaseInfo(criterion.phase).title.toLowerCase()}: what do you decide there, and why?`;
}

/**
 * The cards content can still ask about, as drill items; a card whose prompt or criterion has left the content
 * (or a pitfall card, which has no drill grading yet) is left out.
 */
export function drillItems<C extends CardKey>(cards: readonly C[], content: { prompts: readonly Prompt[]; framework: Framework }): DrillItem<C>[] {
  const prompts = new Map(content.prompts.map((p) => [p.id, p]));
  return cards.flatMap((card) => {
    const prompt = prompts.get(card.promptId);
    if (!prompt || card.kind !== 'criterion') return [];
    const criterion = prompt.rubric.criteria.find((c) => c.id === card.itemId)
      ?? (prompt.skipFramework.includes(card.itemId) ? undefined : content.framework.criteria.find((c) => c.id === card.itemId));
    return criterion ? [{ card, prompt, criterion, phase: criterion.phase, question: drillQuestion(prompt, criterion) }] : [];
  });
}

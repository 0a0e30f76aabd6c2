import type { Criterion, Framework, Pitfall, Prompt } from '../content/schema.js';
import { phaseInfo, type PhaseId } from '../phases.js';
import type { CardKey } from './cards.js';

/**
 * A card as a drill asks it: the prompt, the criterion and the question. A pitfall card also has its pitfall, and
 * a criterion made of it (title, phase, and `instead` as the strong answer) so that views treat both alike.
 */
export interface DrillItem<C extends CardKey = CardKey> {
  card: C;
  prompt: Prompt;
  criterion: Criterion;
  pitfall?: Pitfall;
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
 * The question for a pitfall: its probe, else one about the sentence that committed it (`evidence`, the red flag's
 * quote when it is still known), else one about the mistake itself.
 */
export function pitfallQuestion(pitfall: Pitfall, evidence: string | undefined): string {
  const probe = pitfall.probe?.trim();
  if (probe) return probe;
  const what = evidence?.trim() ? `You wrote: “${evidence.trim()}”` : `Your answer settled on ${pitfall.title.toLowerCase()}.`;
  return `${what} What goes wrong with that here, and what would you do instead?`;
}

function pitfallItem<C extends CardKey>(card: C, prompt: Prompt, framework: Framework, evidence: string | undefined): DrillItem<C>[] {
  // Content built by hand (tests, older packs) may leave the lists out.
  const pitfall = [...(prompt.pitfalls ?? []), ...(framework.pitfalls ?? [])].find((p) => p.id === card.itemId);
  if (!pitfall) return [];
  const criterion: Criterion = {
    id: pitfall.id, phase: pitfall.phase, title: pitfall.title, weight: 1, level: 'mid', concepts: pitfall.claim, why: pitfall.why, strong: pitfall.instead,
  };
  return [{ card, prompt, criterion, pitfall, phase: pitfall.phase, question: pitfallQuestion(pitfall, evidence) }];
}

/**
 * The cards content can still ask about, as drill items; a card whose prompt, criterion or pitfall has left the
 * content is left out. `evidence` gives a pitfall card's quoted sentence, for a pitfall without a probe.
 */
export function drillItems<C extends CardKey>(
  cards: readonly C[], content: { prompts: readonly Prompt[]; framework: Framework }, evidence: (card: C) => string | undefined = () => undefined,
): DrillItem<C>[] {
  const prompts = new Map(content.prompts.map((p) => [p.id, p]));
  return cards.flatMap((card) => {
    const prompt = prompts.get(card.promptId);
    if (!prompt) return [];
    if (card.kind === 'pitfall') return pitfallItem(card, prompt, content.framework, evidence(card));
    const criterion = prompt.rubric.criteria.find((c) => c.id === card.itemId)
      ?? (prompt.skipFramework.includes(card.itemId) ? undefined : content.framework.criteria.find((c) => c.id === card.itemId));
    return criterion ? [{ card, prompt, criterion, phase: criterion.phase, question: drillQuestion(prompt, criterion) }] : [];
  });
}

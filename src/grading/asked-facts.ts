import type { Prompt } from '../content/schema.js';
import type { CriterionResult } from './types.js';

/** The requirements credit for asking the prompt's key facts in an interview's clarifying step. */
export const ASKED_FACTS = {
  id: 'asked-key-facts',
  title: 'Asked for the key facts before designing',
  short: 'key facts asked',
  weight: 2,
  /** Share of key facts to ask for the criterion to count as met (credit is the share itself). */
  metAt: 0.5,
  why: 'Scale, latency and the business goal decide the design; a candidate who designs before asking builds for the wrong problem.',
  strong: 'Opens by asking about scale (users, items, traffic), the latency budget, the surface and the objective, then states the assumptions in numbers.',
} as const;

/** The asked-key-facts result, or null when the prompt marks no fact as key. Credit is the share of key facts asked. */
export function askedFactsResult(prompt: Prompt, asked: readonly string[]): CriterionResult | null {
  const key = prompt.facts.filter((f) => f.key);
  if (!key.length) return null;
  const askedKey = key.filter((f) => asked.includes(f.id));
  const share = askedKey.length / key.length;
  const met = share >= ASKED_FACTS.metAt;
  const missing = key.filter((f) => !asked.includes(f.id)).map((f) => f.topic);
  return {
    id: ASKED_FACTS.id,
    phase: 'requirements',
    met,
    evidence: askedKey.length ? `Asked about: ${askedKey.map((f) => f.topic).join(', ')}.` : null,
    title: ASKED_FACTS.title,
    short: ASKED_FACTS.short,
    level: 'mid',
    weight: ASKED_FACTS.weight,
    framework: false,
    credit: share,
    ...(missing.length ? { note: `not asked: ${missing.join(', ')}` } : {}),
  };
}

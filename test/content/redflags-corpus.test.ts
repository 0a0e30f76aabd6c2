import { describe, expect, it } from 'vitest';
import type { Framework, Pitfall, Prompt } from '../../src/content/schema.js';
import { shippedContent, shippedGrader } from '../helpers/shipped.js';

const content = shippedContent();
const grader = await shippedGrader();
const base = content.prompts[0]!;

const framework: Framework = { ...content.framework, criteria: content.framework.criteria.slice(0, 1), pitfalls: [] };
/** Made once per pitfall: the grader compiles a prompt's rubric and pitfalls once per prompt object, not per grade. */
const prompts = new Map<Pitfall, Prompt>();

/**
 * Each pitfall graded alone, as the prompt's only pitfall, beside one criterion of each rubric (criteria do not
 * change what a red flag reads; a small rubric keeps a thousand grades quick).
 */
function flagged(pitfall: Pitfall, sentence: string): boolean {
  let prompt = prompts.get(pitfall);
  if (!prompt) {
    prompt = { ...base, id: `corpus-${pitfall.id}`, rubric: { criteria: base.rubric.criteria.slice(0, 1) }, pitfalls: [pitfall] };
    prompts.set(pitfall, prompt);
  }
  const grade = grader.grade(prompt, framework, { sections: [{ phase: null, text: sentence }] });
  return grade.redFlags!.some((f) => f.id === pitfall.id);
}

const all = [
  ...content.framework.pitfalls.map((p) => ['framework', p] as const),
  ...content.prompts.flatMap((prompt) => prompt.pitfalls.map((p) => [prompt.id, p] as const)),
];

describe.each(all.map(([where, p]) => [`${where} ${p.id}`, p] as const))('%s', (_name, pitfall) => {
  it.each(pitfall.triggers)('fires on: %s', (sentence) => {
    expect(flagged(pitfall, sentence)).toBe(true);
  });
  it.each(pitfall.clears)('does not fire on: %s', (sentence) => {
    expect(flagged(pitfall, sentence)).toBe(false);
  });
});

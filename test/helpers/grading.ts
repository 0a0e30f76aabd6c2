import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Criterion, Framework, Prompt } from '../../src/content/schema.js';
import { createGrader, parseAnswerMarkdown, type Grade, type Grader } from '../../src/grading/index.js';
import { Lexicon } from '../../src/grading/lexicon.js';
import { loadNlp, type Nlp } from '../../src/grading/nlp.js';
import { promptsDir } from '../../src/paths.js';
import { it } from 'vitest';
import { shippedContent, shippedVocabulary } from './shipped.js';

/** One language model per test worker (loading costs ~100 ms). */
let shared: Promise<{ nlp: Nlp; lexicon: Lexicon; grader: Grader }> | undefined;
export function tools() {
  shared ??= loadNlp().then((nlp) => {
    const vocabulary = shippedVocabulary();
    return { nlp, lexicon: new Lexicon(vocabulary, nlp), grader: createGrader(nlp, vocabulary) };
  });
  return shared;
}

type CriterionInput = Pick<Criterion, 'id' | 'phase' | 'level' | 'concepts'> & Partial<Criterion>;

export function criterion(c: CriterionInput): Criterion {
  return { title: c.id, weight: 2, why: 'Because it matters.', strong: 'Says it well.', ...c };
}

const guideEntry = { focus: 'f', checklist: ['c'], example: 'e', pitfalls: [] };

export function framework(criteria: CriterionInput[] = []): Framework {
  return {
    criteria: criteria.map(criterion),
    pitfalls: [],
    guide: { clarifying: guideEntry, requirements: guideEntry, metrics: guideEntry, data: guideEntry, models: guideEntry, serving: guideEntry, monitoring: guideEntry },
  };
}

export function prompt(criteria: CriterionInput[], extra: Partial<Prompt> = {}): Prompt {
  return {
    id: 'test-prompt',
    title: 'A test prompt',
    domain: 'testing',
    difficulty: 'medium',
    summary: 'Test.',
    statement: 'Design a test.',
    facts: [
      { id: 'scale', topic: 'Scale', answer: '1M users', asks: ['scale'], key: true },
      { id: 'latency', topic: 'Latency', answer: '100 ms', asks: ['latency'], key: true },
      { id: 'devices', topic: 'Devices', answer: 'mobile', asks: ['devices'], key: false },
    ],
    guidance: { clarifying: 'g', requirements: 'g', metrics: 'g', data: 'g', models: 'g', serving: 'g', monitoring: 'g' },
    probes: [],
    skipFramework: [],
    rubric: { criteria: criteria.map(criterion) },
    pitfalls: [],
    ...extra,
  };
}

/** A function that grades Markdown against one real prompt of the shipped content. */
export function gradeAgainst(promptId: string): (markdown: string) => Promise<Grade> {
  const content = shippedContent();
  const prompt = content.prompts.find((p) => p.id === promptId)!;
  return async (markdown) => (await tools()).grader.grade(prompt, content.framework, { sections: parseAnswerMarkdown(markdown) });
}

/** Grades every `<label>.md` answer under `<dir>/<promptId>/` against the real content, keyed by label. */
export async function gradeFixtureSet<L extends string>(dir: string, promptId: string, labels: readonly L[]) {
  const grade = gradeAgainst(promptId);
  const grades = new Map<L, Grade>();
  for (const label of labels) grades.set(label, await grade(readFileSync(join(dir, promptId, `${label}.md`), 'utf8')));
  return grades;
}

/** The four answers of every held-out fixture set, best first. */
export const HELD_OUT_LABELS = ['staff', 'senior', 'mid', 'weak'] as const;
export type HeldOutLabel = (typeof HELD_OUT_LABELS)[number];

/**
 * A held-out set under test/fixtures/<set>/: whether every prompt it covers ships, its grades per prompt, and
 * `knownGap`, which runs an expectation as it.fails for the prompts the grader does not satisfy yet.
 */
export function heldOutSet<P extends string>(set: string, promptIds: readonly P[]) {
  const dir = join(import.meta.dirname, '..', 'fixtures', set);
  return {
    hasContent: promptIds.every((id) => existsSync(join(promptsDir(), `${id}.yaml`))),
    grade: (promptId: P) => gradeFixtureSet(dir, promptId, HELD_OUT_LABELS),
    knownGap: (failsFor: readonly P[], promptId: P) => (failsFor.includes(promptId) ? it.fails : it),
  };
}

import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/content/load.js';
import type { Criterion } from '../src/content/schema.js';
import { STOPWORDS } from '../src/grading/lexicon.js';
import { writeExamplePack } from './helpers/example-pack.js';

/** Words every answer contains; as a whole phrasing they would match any design, so they prove nothing. */
const GENERIC = new Set([
  'model', 'models', 'data', 'system', 'systems', 'user', 'users', 'feature', 'features', 'train', 'training',
  'use', 'good', 'metric', 'metrics', 'service', 'design', 'api', 'scale', 'performance', 'quality', 'approach',
  'result', 'results', 'video', 'videos', 'ad', 'ads', 'post', 'posts', 'content', 'item', 'items', 'value',
  'time', 'important', 'better', 'improve', 'problem', 'solution', 'database', 'server', 'request', 'score',
  'one', 'call', 'make', 'get', 'way', 'thing', 'need', 'take', 'give',
]);

/**
 * Negation words inside a phrasing collide with the grader's negation rule, except a contrast that opens with
 * "not" ("not just clicks") or a requirement ("must not get worse"), which the grader matches as written.
 */
const NEGATING = /\b(no|not|never|without|none|don't|doesn't|isn't|can't|cannot)\b/;
const CONTRAST = /^((must|should) )?not (just |only |merely )?\w+/;

function lint(where: string, criteria: readonly Criterion[]): string[] {
  const problems: string[] = [];
  for (const c of criteria) {
    const seen = new Set<string>();
    c.concepts.forEach((group, g) => {
      for (const raw of group) {
        const phrase = raw.trim().toLowerCase();
        const at = `${where} ${c.id} group ${g + 1} "${raw}"`;
        const kept = phrase.split(/\s+/).filter((w) => !STOPWORDS.has(w));
        if (GENERIC.has(phrase)) problems.push(`${at}: a lone generic word`);
        else if (kept.length === 1 && GENERIC.has(kept[0]!)) problems.push(`${at}: only "${kept[0]}" once the grader drops stopwords`);
        if (NEGATING.test(phrase) && !CONTRAST.test(phrase)) problems.push(`${at}: contains a negation word`);
        if (phrase.split(/\s+/).length > 5) problems.push(`${at}: longer than 5 words`);
        if (seen.has(phrase)) problems.push(`${at}: duplicated within the criterion`);
        seen.add(phrase);
      }
    });
  }
  return problems;
}

// The built-in prompts and the complete example of docs/authoring.md, which stands for a user's pack.
const example = writeExamplePack();
afterAll(() => example.remove());
const content = loadContent({ packDir: example.dir });

describe('concept phrasings', () => {
  it('has no lone generic words, negations, long or duplicated phrasings in the framework', () => {
    expect(lint('framework', content.framework.criteria)).toEqual([]);
  });

  it.each(content.prompts.map((p) => [p.id, p] as const))('has none in %s either', (id, prompt) => {
    expect(lint(id, prompt.rubric.criteria)).toEqual([]);
  });

  it('lists 1-10 phrasings per group and at most three groups per criterion', () => {
    const all = [...content.framework.criteria, ...content.prompts.flatMap((p) => p.rubric.criteria)];
    for (const c of all) {
      expect(c.concepts.length, c.id).toBeLessThanOrEqual(3);
      for (const group of c.concepts) {
        expect(group.length, c.id).toBeGreaterThanOrEqual(1);
        expect(group.length, c.id).toBeLessThanOrEqual(12);
      }
    }
  });

  it('catches the problems it is meant to catch', () => {
    const bad: Criterion = {
      id: 'x', phase: 'data', title: 't', weight: 1, level: 'mid', why: 'w', strong: 's',
      concepts: [['model', 'as a feature', 'no drift', 'label leakage', 'Label leakage']],
    };
    expect(lint('t', [bad])).toEqual([
      't x group 1 "model": a lone generic word',
      't x group 1 "as a feature": only "feature" once the grader drops stopwords',
      't x group 1 "no drift": contains a negation word',
      't x group 1 "Label leakage": duplicated within the criterion',
    ]);
  });
});

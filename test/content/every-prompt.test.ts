import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent, promptFiles } from '../../src/content/load.js';
import { builtinIds, validateBuiltIn, validatePackFolder } from '../../src/content/packs.js';
import { LEVELS, type Framework, type Prompt } from '../../src/content/schema.js';
import { parseAnswerMarkdown, type Grader } from '../../src/grading/index.js';
import { contentDataDir, promptsDir } from '../../src/paths.js';
import { writeExamplePack } from '../helpers/example-pack.js';
import { shippedGrader } from '../helpers/shipped.js';

/**
 * The content lint over every prompt: the built-in ones and the complete example of docs/authoring.md, which
 * stands for any pack a user writes.
 */
const example = writeExamplePack();
afterAll(() => example.remove());

const content = loadContent({ packDir: example.dir, warn: (line) => { throw new Error(line); } });
const everyPrompt = content.prompts.map((p) => [p.id, p] as const);

/** Fluent ML-system-design prose that commits to nothing: it fits every prompt equally badly. */
const FILLER = readFileSync(join(import.meta.dirname, '../fixtures/content/filler.md'), 'utf8');
/** What the filler may earn on any prompt: none of the prompt's own criteria, at most this total, no level. */
const FILLER_MAX_TOTAL = 5;

/** Every way a criterion can be incomplete, one line each. */
function criterionProblems(where: string, prompt: Pick<Prompt, 'rubric' | 'probes'>, framework: Framework): string[] {
  const problems: string[] = [];
  const own = prompt.rubric.criteria;
  const known = new Set([...own, ...framework.criteria].map((c) => c.id));
  const seen = new Set<string>();
  for (const c of own) {
    const at = `${where} ${c.id}`;
    if (seen.has(c.id) || framework.criteria.some((f) => f.id === c.id)) problems.push(`${at}: id used twice`);
    seen.add(c.id);
    if (!c.why?.trim()) problems.push(`${at}: no why`);
    if (!c.strong?.trim()) problems.push(`${at}: no strong`);
    if (!c.drill?.trim()) problems.push(`${at}: no drill question`);
    if (!LEVELS.includes(c.level)) problems.push(`${at}: no level`);
    if (!c.concepts?.length || c.concepts.some((g) => !g.length || g.some((p) => !p.trim()))) problems.push(`${at}: an empty concept group`);
  }
  prompt.probes.forEach((p, i) => {
    if (!known.has(p.criterion)) problems.push(`${where} probe ${i}: points at no criterion ("${p.criterion}")`);
  });
  return problems;
}

describe('every prompt, built-in and pack', () => {
  it('the built-in content passes `mlsd prompts validate`', () => {
    const report = validateBuiltIn({ promptsDir: promptsDir(), dataDir: contentDataDir(), promptFiles: promptFiles() });
    expect(report.issues).toEqual([]);
  });

  it('the example pack passes it too, against the built-in ids', () => {
    const report = validatePackFolder(example.dir, { framework: content.framework, builtins: builtinIds(promptFiles()) });
    expect(report.issues).toEqual([]);
    expect(report.prompts).toBe(1);
  });

  it('prompt ids are unique across the built-in prompts and the pack', () => {
    const ids = content.prompts.map((p) => p.id);
    expect(ids).toContain(example.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(everyPrompt)('%s: every criterion has why, strong, a drill question, concepts and a level; every probe a real criterion', (id, prompt) => {
    expect(criterionProblems(id, prompt, content.framework)).toEqual([]);
  });

  it('the criterion check catches what it is meant to catch', () => {
    const broken = {
      probes: [{ criterion: 'x-gone', question: 'Where?' }],
      rubric: {
        criteria: [
          { id: 'x-a', phase: 'data', title: 't', weight: 1, level: 'mid', why: ' ', strong: 's', drill: 'd?', concepts: [['label leakage']] },
          { id: 'x-a', phase: 'data', title: 't', weight: 1, level: 'guru', why: 'w', strong: '', concepts: [[]] },
        ],
      },
    } as unknown as Prompt;
    expect(criterionProblems('t', broken, content.framework)).toEqual([
      't x-a: no why',
      't x-a: id used twice',
      't x-a: no strong',
      't x-a: no drill question',
      't x-a: no level',
      't x-a: an empty concept group',
      't probe 0: points at no criterion ("x-gone")',
    ]);
  });
});

describe('the filler check: generic prose earns almost nothing on any prompt', () => {
  let grader: Grader;
  beforeAll(async () => {
    grader = await shippedGrader();
  });

  function fillerProblems(prompt: Prompt, framework: Framework): string[] {
    const grade = grader.grade(prompt, framework, { sections: parseAnswerMarkdown(FILLER) });
    const own = new Set(prompt.rubric.criteria.map((c) => c.id));
    const problems = grade.criteria
      .filter((c) => c.met && own.has(c.id))
      .map((c) => `${prompt.id} ${c.id}: earned by the filler with "${c.evidence}"`);
    if (grade.total > FILLER_MAX_TOTAL) problems.push(`${prompt.id}: the filler totals ${grade.total}`);
    if (grade.level !== 'none') problems.push(`${prompt.id}: the filler reaches ${grade.level}`);
    return problems;
  }

  it.each(everyPrompt)('%s', (_id, prompt) => {
    expect(fillerProblems(prompt, content.framework)).toEqual([]);
  });

  it('catches a criterion whose concepts any answer has', () => {
    const example = content.prompts.find((p) => p.id === 'grocery-reorder-reminders')!;
    const broad = {
      ...example,
      rubric: {
        criteria: [
          ...example.rubric.criteria,
          { ...example.rubric.criteria[0]!, id: 'reorder-broad', concepts: [['data pipeline', 'robust pipeline'], ['high quality', 'representative']] },
        ],
      },
    };
    // One broad criterion is enough to lift the filler off the floor.
    expect(fillerProblems(broad, content.framework)).toEqual([
      expect.stringMatching(/^grocery-reorder-reminders reorder-broad: earned by the filler with ".*robust data pipeline/),
      expect.stringMatching(/^grocery-reorder-reminders: the filler totals \d/),
      'grocery-reorder-reminders: the filler reaches mid',
    ]);
  });
});

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAnswerMarkdown, type Grader } from '../../src/grading/index.js';
import { shippedContent, shippedGrader } from '../helpers/shipped.js';

/**
 * Every answer fixture written for one prompt, graded against a prompt it was not written for, earns no verdict
 * and under a quarter of that prompt's own criteria. Held to the prompts written after the held-out sets existed;
 * the first five share much of their vocabulary (feeds, rankers, calibration) and were tuned only against each
 * other's strong answers.
 */
const STRICT = ['feed-ranking', 'people-you-may-know', 'eta-prediction', 'notification-ranking', 'query-autocomplete', 'visual-search'];

const content = shippedContent();
const ids = new Set(content.prompts.map((p) => p.id));
const fixtures = join(import.meta.dirname, '..', 'fixtures');

/** [the prompt the answer was written for, path under fixtures/] for held-out and content answers. */
const answers: [string, string][] = readdirSync(fixtures)
  .filter((set) => set === 'content' || set.startsWith('heldout'))
  .flatMap((set) =>
    readdirSync(join(fixtures, set), { withFileTypes: true })
      .filter((d) => d.isDirectory() && ids.has(d.name))
      .flatMap((d) =>
        readdirSync(join(fixtures, set, d.name))
          .filter((f) => f.endsWith('.md'))
          .map((f): [string, string] => [d.name, join(set, d.name, f)]),
      ),
  );

let grader: Grader;
beforeAll(async () => {
  grader = await shippedGrader();
});

describe.each(STRICT)('answers written for other prompts, graded on %s', (id) => {
  const prompt = content.prompts.find((p) => p.id === id)!;
  const own = new Set(prompt.rubric.criteria.map((c) => c.id));
  const elsewhere = answers.filter(([writtenFor]) => writtenFor !== id);

  it('cover every other prompt', () => {
    expect(new Set(elsewhere.map(([writtenFor]) => writtenFor))).toEqual(new Set([...ids].filter((other) => other !== id)));
    expect(elsewhere.length).toBeGreaterThan(50);
  });

  it('earn no verdict and under a quarter of its own criteria', () => {
    const earned = elsewhere
      .map(([, file]) => {
        const g = grader.grade(prompt, content.framework, { sections: parseAnswerMarkdown(readFileSync(join(fixtures, file), 'utf8')) });
        return { file, level: g.level, met: g.criteria.filter((c) => c.met && own.has(c.id)).length };
      })
      .filter((r) => r.level !== 'none' || r.met >= own.size / 4);
    expect(earned).toEqual([]);
  }, 120_000);
});

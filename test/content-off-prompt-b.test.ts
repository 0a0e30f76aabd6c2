import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/content/load.js';
import { loadVocabulary } from '../src/content/vocabulary.js';
import { loadGrader, parseAnswerMarkdown, type Grader } from '../src/grading/index.js';

/**
 * notification-ranking, query-autocomplete and visual-search share words with older prompts ("tap" is read as
 * "click", safety filters and ANN indexes appear elsewhere), so every answer written for another prompt — the
 * held-out sets and the content fixtures — must earn no verdict and under a quarter of their own criteria.
 */
const CHECKED = ['notification-ranking', 'query-autocomplete', 'visual-search'];

const content = loadContent();
const known = new Set(content.prompts.map((p) => p.id));
const root = join(import.meta.dirname, 'fixtures');

/** Every answer file under fixtures/content and fixtures/heldout*, with the prompt it was written for. */
const written = readdirSync(root)
  .filter((set) => set === 'content' || set.startsWith('heldout'))
  .flatMap((set) =>
    readdirSync(join(root, set), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && known.has(entry.name))
      .flatMap((entry) =>
        readdirSync(join(root, set, entry.name))
          .filter((file) => file.endsWith('.md'))
          .map((file) => ({ forPrompt: entry.name, path: join(set, entry.name, file) })),
      ),
  );

let grader: Grader;
beforeAll(async () => {
  grader = await loadGrader({ vocabulary: loadVocabulary() });
});

describe.each(CHECKED)('%s graded on answers to other prompts', (id) => {
  const prompt = content.prompts.find((p) => p.id === id)!;
  const own = new Set(prompt.rubric.criteria.map((c) => c.id));
  const others = written.filter((a) => a.forPrompt !== id);

  it('has answers from every other prompt to grade', () => {
    expect(new Set(others.map((a) => a.forPrompt))).toEqual(new Set([...known].filter((k) => k !== id)));
  });

  it('gives none of them a verdict or a quarter of its own criteria', () => {
    const leaks = others.flatMap((a) => {
      const g = grader.grade(prompt, content.framework, { sections: parseAnswerMarkdown(readFileSync(join(root, a.path), 'utf8')) });
      const met = g.criteria.filter((c) => c.met && own.has(c.id)).length;
      return g.level === 'none' && met < own.size / 4 ? [] : [{ answer: a.path, level: g.level, met }];
    });
    expect(leaks).toEqual([]);
  }, 120_000);
});

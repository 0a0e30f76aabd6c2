import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAnswerMarkdown, type Grade, type Grader } from '../../src/grading/index.js';
import { shippedContent, shippedGrader } from '../helpers/shipped.js';

/**
 * The prompts' concepts must separate answers: a plain mid-level answer to a prompt earns its mid criteria,
 * and a strong answer to a different prompt (or a URL shortener) earns few of this prompt's own criteria.
 */
const content = shippedContent();
/** Every shipped prompt; each has `strong.md`, `mid.md` and `weak.md` under test/fixtures/content/<id>/. */
const PROMPTS = content.prompts.map((p) => p.id);
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'content');
const answer = (file: string) => parseAnswerMarkdown(readFileSync(join(fixtures, file), 'utf8'));

let grader: Grader;
beforeAll(async () => {
  grader = await shippedGrader();
});

// Grading is deterministic and each mid answer is compared with every other prompt's strong one, so each
// (prompt, file) pair is graded once.
const grades = new Map<string, Grade>();
function grade(promptId: string, file: string): Grade {
  const key = `${promptId}\0${file}`;
  let g = grades.get(key);
  if (!g) {
    const prompt = content.prompts.find((p) => p.id === promptId)!;
    g = grader.grade(prompt, content.framework, { sections: answer(file) });
    grades.set(key, g);
  }
  return g;
}

function ownMet(promptId: string, g: Grade): number {
  const own = new Set(content.prompts.find((p) => p.id === promptId)!.rubric.criteria.map((c) => c.id));
  return g.criteria.filter((c) => c.met && own.has(c.id)).length;
}

describe.each(PROMPTS)('%s concepts', (id) => {
  const own = content.prompts.find((p) => p.id === id)!.rubric.criteria.length;

  it('rate its strong answer well above its plain mid-level answer, with the right verdicts', () => {
    const strong = grade(id, `${id}/strong.md`);
    const mid = grade(id, `${id}/mid.md`);
    expect(strong.total).toBeGreaterThan(mid.total + 25);
    expect(['senior', 'staff']).toContain(strong.level);
    expect(mid.level).toBe('mid');
    expect(ownMet(id, strong)).toBeGreaterThan(own * 0.75);
  });

  it('rate its plain mid answer above a weak one', () => {
    const mid = grade(id, `${id}/mid.md`);
    const weak = grade(id, `${id}/weak.md`);
    expect(mid.total).toBeGreaterThan(weak.total + 10);
    expect(weak.level).toBe('none');
  });

  it.each(PROMPTS.filter((other) => other !== id))('score a strong %s answer below the mid answer to this prompt', (other) => {
    const mid = grade(id, `${id}/mid.md`);
    const elsewhere = grade(id, `${other}/strong.md`);
    expect(elsewhere.total).toBeLessThan(mid.total);
    expect(ownMet(id, elsewhere)).toBeLessThan(own / 4);
  });

  it('give an answer about a URL shortener none of the prompt\'s own criteria', () => {
    const g = grade(id, 'url-shortener.md');
    expect(ownMet(id, g)).toBe(0);
    expect(g.level).toBe('none');
  });
});

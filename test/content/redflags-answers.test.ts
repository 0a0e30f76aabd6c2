import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnswerMarkdown, type Grade } from '../../src/grading/index.js';
import { shippedContent, shippedGrader } from '../helpers/shipped.js';

const content = shippedContent();
const grader = await shippedGrader();
const fixtures = new URL('../fixtures/', import.meta.url).pathname;
type Label = 'mid' | 'senior' | 'staff';

/** Every answer with a level label of mid or better: by file name in the older sets, by LABELS.md in heldout5. */
function labelledAnswers(): Array<{ promptId: string; file: string; label: Label }> {
  const out: Array<{ promptId: string; file: string; label: Label }> = [];
  const byName = (name: string): Label | undefined => {
    if (/^mid(-|$)/.test(name)) return 'mid';
    if (/^(senior|notes-style-senior|prose-no-headings-senior)(-|$)/.test(name)) return 'senior';
    if (/^(staff|strong|staff-strong|short-dense-strong)$/.test(name)) return 'staff';
    return undefined;
  };
  for (const set of ['content', 'heldout', 'heldout2', 'heldout3', 'heldout4', 'answers']) {
    for (const prompt of content.prompts) {
      const dir = join(fixtures, set, prompt.id);
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
        const label = byName(name.replace(/\.md$/, ''));
        if (label) out.push({ promptId: prompt.id, file: join(dir, name), label });
      }
    }
  }
  const table = readFileSync(join(fixtures, 'heldout5', 'LABELS.md'), 'utf8');
  for (const [, promptId, file, level] of table.matchAll(/^\| ([a-z-]+) \| ([a-z-]+\/[a-z]+\.md) \| (staff|senior|mid|weak) \|/gm)) {
    if (level !== 'weak') out.push({ promptId: promptId!, file: join(fixtures, 'heldout5', file!), label: level as Label });
  }
  return out;
}

const grades = new Map<string, Grade>();
function gradeOf(promptId: string, file: string): Grade {
  const key = `${promptId}:${file}`;
  let grade = grades.get(key);
  if (!grade) {
    const prompt = content.prompts.find((p) => p.id === promptId)!;
    grade = grader.grade(prompt, content.framework, { sections: parseAnswerMarkdown(readFileSync(file, 'utf8')) });
    grades.set(key, grade);
  }
  return grade;
}

const honest = labelledAnswers();

describe('honest answers labelled mid or better', () => {
  it('are enough to mean something', () => {
    expect(honest.length).toBeGreaterThanOrEqual(60);
    expect(honest.filter((a) => a.label === 'mid').length).toBeGreaterThanOrEqual(20);
  });

  it.each(honest.map((a) => [a.file.slice(fixtures.length), a] as const))('%s raises no red flag', (_name, answer) => {
    const grade = gradeOf(answer.promptId, answer.file);
    expect(grade.redFlags!.map((f) => `${f.id}: ${f.evidence}`)).toEqual([]);
    expect(grade.cap).toBeNull();
  });
});

describe('planted-mistake answers (test/fixtures/redflags)', () => {
  const labels = readFileSync(join(fixtures, 'redflags', 'LABELS.md'), 'utf8');
  const flat = (text: string) => text.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();

  const withPlanted = content.prompts.filter((p) => existsSync(join(fixtures, 'redflags', `${p.id}.md`)));

  it('exist for the five original prompts at least', () => {
    expect(withPlanted.length).toBeGreaterThanOrEqual(5);
  });

  it.each(withPlanted.map((p) => [p.id] as const))('%s: caught on at least 4 planted mistakes, below every honest mid answer, verdict mid at most', (promptId) => {
    const section = labels.split(/^## /m).find((s) => s.startsWith(`${promptId}.md`))!;
    const planted = [...section.matchAll(/^\| ([a-z0-9-]+) \| (?:minor|major|disqualifying) \| (.*) \|$/gm)].map((m) => ({ id: m[1]!, sentence: flat(m[2]!) }));
    const grade = gradeOf(promptId, join(fixtures, 'redflags', `${promptId}.md`));
    const caught = planted.filter((p) => grade.redFlags!.some((f) => f.id === p.id && flat(f.evidence).includes(p.sentence)));
    expect(caught.length, `caught: ${caught.map((c) => c.id).join(', ')}`).toBeGreaterThanOrEqual(4);
    expect(['mid', 'none']).toContain(grade.level);
    const mids = honest.filter((a) => a.promptId === promptId && a.label === 'mid');
    expect(mids.length).toBeGreaterThan(0);
    for (const mid of mids) expect(grade.total, mid.file).toBeLessThan(gradeOf(promptId, mid.file).total);
  });
});

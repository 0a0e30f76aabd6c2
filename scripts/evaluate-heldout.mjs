#!/usr/bin/env node
// Grades an untuned held-out set against the shipped content and prints one Markdown table: each answer's
// label (written before it was ever graded), the verdict and total, and whether they agree. Run after
// `npm run build`: `node scripts/evaluate-heldout.mjs [set]` (default heldout5).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../dist/content/load.js';
import { loadVocabulary } from '../dist/content/vocabulary.js';
import { loadGrader, parseAnswerMarkdown } from '../dist/grading/index.js';

const set = process.argv[2] ?? 'heldout5';
const dir = join(import.meta.dirname, '..', 'test', 'fixtures', set);
const rows = readFileSync(join(dir, 'LABELS.md'), 'utf8')
  .split('\n')
  .filter((line) => /^\| [a-z-]+ \| [a-z-]+\/[a-z]+\.md \|/.test(line))
  .map((line) => {
    const [promptId, file, label, format] = line.split('|').slice(1).map((cell) => cell.trim());
    return { promptId, file, label, format };
  });

const content = loadContent();
const grader = await loadGrader({ vocabulary: loadVocabulary() });
// A weak answer is right when it clears no bar; every other label names the verdict it should get.
const expected = (label) => (label === 'weak' ? 'none' : label);

const results = rows.map((row) => {
  const prompt = content.prompts.find((p) => p.id === row.promptId);
  const text = readFileSync(join(dir, row.file), 'utf8');
  const started = performance.now();
  const grade = grader.grade(prompt, content.framework, { sections: parseAnswerMarkdown(text) });
  const ms = performance.now() - started;
  return { ...row, level: grade.level, total: grade.total, ms, right: grade.level === expected(row.label) };
});

console.log('| prompt | answer | label | format | verdict | total | right |');
console.log('|---|---|---|---|---|---|---|');
for (const r of results) {
  console.log(`| ${r.promptId} | ${r.file.split('/')[1]} | ${r.label} | ${r.format} | ${r.level} | ${r.total.toFixed(1)} | ${r.right ? 'yes' : 'no'} |`);
}
const right = results.filter((r) => r.right).length;
console.log(`\nlevels right: ${right} of ${results.length} (${((100 * right) / results.length).toFixed(0)}%)`);
for (const promptId of [...new Set(results.map((r) => r.promptId))]) {
  const of = (label) => results.filter((r) => r.promptId === promptId && r.label === label).map((r) => r.total);
  const staff = Math.max(...of('staff'));
  const senior = Math.max(...of('senior'));
  console.log(`${promptId}: staff ${staff.toFixed(1)} ${staff > senior ? '>' : '<='} best senior ${senior.toFixed(1)}`);
}
const slowest = results.reduce((a, b) => (a.ms > b.ms ? a : b));
console.log(`slowest grade: ${slowest.ms.toFixed(0)} ms (${slowest.file})`);

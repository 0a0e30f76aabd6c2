#!/usr/bin/env node
// Grades the worst-case answer shapes at the 1 MB answer limit and prints the time each took and its cost per KB
// beside the 100 KB one. Asserts nothing: test/unit/grading/worst-case.test.ts grades the same shapes with a hang guard only.
// Usage: node scripts/bench-worst-case.mjs [bytes=1000000]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'dist', 'cli.js'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
const SIZE = Number(process.argv[2] ?? 1000 * 1000);
// The shapes the worst-case test guards (each once quadratic in words or sentences).
const SHAPES = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'worst-case-shapes.json'), 'utf8'));

const load = (...path) => import(pathToFileURL(join(root, 'dist', ...path)).href);
const { loadContent, findPrompt } = await load('content', 'load.js');
const { loadVocabulary } = await load('content', 'vocabulary.js');
const { loadGrader, parseAnswerMarkdown } = await load('grading', 'index.js');
const content = loadContent();
const prompt = findPrompt(content, 'video-recommendations');
const grader = await loadGrader({ vocabulary: loadVocabulary() });

const fill = (unit, size) => unit.repeat(Math.floor(size / unit.length));
const grade = (text) => {
  const start = performance.now();
  grader.grade(prompt, content.framework, { sections: parseAnswerMarkdown(text) });
  return performance.now() - start;
};

grade(fill('We rank videos by watch time. ', 100 * 1000));
const kb = (bytes) => `${Math.round(bytes / 1000)} KB`;
console.log(`node ${process.version} · grading video-recommendations answers of ${kb(SIZE)}\n`);
console.log(`${'shape'.padEnd(26)}${kb(SIZE).padStart(12)}${'100 KB'.padStart(12)}${'per KB ratio'.padStart(15)}`);
for (const [name, unit] of SHAPES) {
  const small = grade(fill(unit, 100 * 1000));
  const large = grade(fill(unit, SIZE));
  // 1.0 means linear; a quadratic cost gives about SIZE / 100 KB.
  const ratio = large / SIZE / (small / (100 * 1000));
  console.log(`${name.padEnd(26)}${`${(large / 1000).toFixed(2)} s`.padStart(12)}${`${small.toFixed(0)} ms`.padStart(12)}${ratio.toFixed(2).padStart(15)}`);
}

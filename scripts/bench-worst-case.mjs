#!/usr/bin/env node
// Grades the worst-case answer shapes at the 1 MB answer limit, and runs the arithmetic checker on its own worst
// cases there (the tests check their growth from 64 to 256 KB); prints the time each took and its cost per KB
// beside the 100 KB one. Asserts nothing.
// Usage: node scripts/bench-worst-case.mjs [bytes=1000000]
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'dist', 'cli.js'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
const SIZE = Number(process.argv[2] ?? 1000 * 1000);
const SHAPES = [
  ['"no" repeated', 'no '],
  ['"not" repeated', 'not '],
  ['"out of scope" repeated', 'x out of scope '],
  ['"instead of" repeated', 'instead of '],
  ['"rather than" repeated', 'rather than '],
  ['"overkill" repeated', 'overkill '],
  ['one-word list items', '- a\n'],
  ['short sentences', 'We rank videos by watch time. '],
  ['shortest sentences', 'We rank. '],
  ['one long word', 'a'],
];

const load = (...path) => import(pathToFileURL(join(root, 'dist', ...path)).href);
const { loadContent, findPrompt } = await load('content', 'load.js');
const { loadVocabulary } = await load('content', 'vocabulary.js');
const { loadGrader, parseAnswerMarkdown } = await load('grading', 'index.js');
const { checkArithmetic } = await load('grading', 'arithmetic.js');
const content = loadContent();
const prompt = findPrompt(content, 'video-recommendations');
const grader = await loadGrader({ vocabulary: loadVocabulary() });

const fill = (unit, size) => unit.repeat(Math.floor(size / unit.length));
const timed = (run) => (text) => {
  const start = performance.now();
  run(text);
  return performance.now() - start;
};
const grade = timed((text) => grader.grade(prompt, content.framework, { sections: parseAnswerMarkdown(text) }));
const arithmetic = timed((text) => checkArithmetic(text));
const ARITHMETIC_SHAPES = [
  ['one long line of numbers', '1 × '],
  ['digits and commas', '1,'],
  ['a long range chain', '1-'],
  ['peak factors and rates', '3x at peak, 10k per second, '],
  ['"That is" sentences', 'Assume 200M DAU × 10 loads. That is 2B a day. '],
];

grade(fill('We rank videos by watch time. ', 100 * 1000));
const kb = (bytes) => `${Math.round(bytes / 1000)} KB`;
console.log(`node ${process.version} · answers of ${kb(SIZE)}, graded against video-recommendations\n`);
function table(title, shapes, run) {
  console.log(`${title.padEnd(30)}${kb(SIZE).padStart(12)}${'100 KB'.padStart(12)}${'per KB ratio'.padStart(15)}`);
  for (const [name, unit] of shapes) {
    const small = run(fill(unit, 100 * 1000));
    const large = run(fill(unit, SIZE));
    // 1.0 means linear; a quadratic cost gives about SIZE / 100 KB.
    const ratio = large / SIZE / (small / (100 * 1000));
    console.log(`  ${name.padEnd(28)}${`${(large / 1000).toFixed(2)} s`.padStart(12)}${`${small.toFixed(0)} ms`.padStart(12)}${ratio.toFixed(2).padStart(15)}`);
  }
}
table('grading', SHAPES, grade);
console.log('');
table('arithmetic checker alone', ARITHMETIC_SHAPES, arithmetic);

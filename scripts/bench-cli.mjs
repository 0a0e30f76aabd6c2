#!/usr/bin/env node
// Measures what a user waits for: process start, `mlsd --help`, `mlsd score` on a long answer, and the
// grading compute alone after the model is loaded. Prints medians; it asserts nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'mlsd.js');
const answer = join(root, 'test', 'fixtures', 'answers', 'video-recommendations', 'staff-strong.md');
const RUNS = 10;
const GRADE_RUNS = 50;

if (!existsSync(join(root, 'dist', 'cli.js'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const ms = (x) => `${x.toFixed(1).padStart(7)} ms`;
const row = (label, value, note = '') => console.log(`${label.padEnd(50)}${ms(value)}${note ? `   ${note}` : ''}`);

function wall(label, args) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0) {
      console.error(`${label} failed (exit ${r.status}):\n${r.stderr}`);
      process.exit(1);
    }
  }
  row(label, median(times), `(min ${ms(Math.min(...times)).trim()}, ${RUNS} runs)`);
  return median(times);
}

const md = readFileSync(answer, 'utf8');
const words = md.split(/\s+/).filter(Boolean).length;
console.log(`node ${process.version} · ${process.platform}/${process.arch} · answer: ${words} words (${answer.slice(root.length + 1)})\n`);
console.log('wall time, median:');
const base = wall('node -e 0', ['-e', '0']);
const help = wall('mlsd --help', [bin, '--help']);
const score = wall('mlsd score video-recommendations <answer>', [bin, 'score', 'video-recommendations', answer]);
row('  mlsd --help minus node -e 0', help - base);
row('  mlsd score minus node -e 0', score - base);

const load = (path) => import(pathToFileURL(join(root, 'dist', ...path)).href);
const { loadContent, findPrompt } = await load(['content', 'load.js']);
const { loadVocabulary } = await load(['content', 'vocabulary.js']);
const { loadGrader, parseAnswerMarkdown } = await load(['grading', 'index.js']);
const content = loadContent();
const prompt = findPrompt(content, 'video-recommendations');
let start = performance.now();
const grader = await loadGrader({ vocabulary: loadVocabulary() });
const loaded = performance.now() - start;
const gradeOnce = () => {
  const t = performance.now();
  grader.grade(prompt, content.framework, { sections: parseAnswerMarkdown(md) });
  return performance.now() - t;
};
const first = gradeOnce();
const times = Array.from({ length: GRADE_RUNS }, gradeOnce).sort((a, b) => a - b);
console.log('\nin process:');
row('loadVocabulary() + loadGrader() (vocabulary + wink-nlp model)', loaded);
row('first grade (includes compiling the rubric)', first);
row(`grade after load, median of ${GRADE_RUNS}`, median(times), `(p90 ${ms(times[Math.floor(GRADE_RUNS * 0.9)]).trim()}; target: well under 100 ms)`);

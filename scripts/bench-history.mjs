#!/usr/bin/env node
// Measures what a user waits for around the history: `mlsd history` (table, chart, averages) and
// `history --json` on a database of N graded sessions, `review last`, and the cost of writing one answer.
// Prints medians; it asserts nothing. Usage: node scripts/bench-history.mjs [sessions=1000]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'mlsd.js');
const SESSIONS = Number(process.argv[2] ?? 1000);
const RUNS = 7;
if (!existsSync(join(root, 'dist', 'cli.js'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
const load = (...path) => import(pathToFileURL(join(root, 'dist', ...path)).href);
const { openStore } = await load('store', 'open.js');
const { sessionStore } = await load('store', 'sessions.js');
const { interviewPlan } = await load('interview', 'plan.js');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const ms = (x) => `${x.toFixed(2).padStart(8)} ms`;

const file = join(mkdtempSync(join(tmpdir(), 'mlsd-bench-')), 'coach.db');
const db = openStore(file);
const store = sessionStore(db);
const phases = ['requirements', 'metrics', 'data', 'models', 'serving', 'monitoring'];
const text = 'We retrieve 500 candidates with a two-tower model and an ANN index, then rank them. '.repeat(8);
const writes = [];
const t0 = Date.UTC(2026, 0, 1);
for (let i = 0; i < SESSIONS; i++) {
  const s = store.create({ promptId: 'video-recommendations', mode: 'interview', targetLevel: 'senior', minutes: 45, timer: true, plan: interviewPlan({}, 45), startedAt: t0 + i * 3_600_000 });
  for (const phase of phases) {
    const start = performance.now();
    store.addEntry(s.id, { step: phase, kind: 'answer', text, factId: null, response: null, elapsedMs: 60_000, budgetMs: 300_000, at: t0 });
    writes.push(performance.now() - start);
  }
  const score = (i * 37) % 100;
  store.finish(s.id, {
    promptId: 'video-recommendations', total: score, level: 'mid',
    phases: phases.map((id, k) => ({ id, score: (score + k * 13) % 100, covered: [], missed: [] })),
    signals: { structure: 50, tradeoffs: 50, quantitative: 50, depth: 50 }, criteria: [],
  }, t0 + i * 3_600_000 + 2_700_000);
}
db.close();

function wall(label, args) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0) {
      console.error(`${label} failed (exit ${r.status}):\n${r.stderr}`);
      process.exit(1);
    }
  }
  console.log(`${label.padEnd(40)}${ms(median(times))}   (min ${ms(Math.min(...times)).trim()}, ${RUNS} runs)`);
}

console.log(`node ${process.version} · ${SESSIONS} graded sessions, ${SESSIONS * 6} answers (WAL file database)\n`);
console.log(`${'write one answer (commit, WAL)'.padEnd(40)}${ms(median(writes))}   (p99 ${ms([...writes].sort((a, b) => a - b)[Math.floor(writes.length * 0.99)]).trim()})`);
wall('mlsd --version (start-up floor)', ['--version']);
const db_ = ['--db', file];
wall('mlsd history', ['history', ...db_]);
wall('mlsd history --json', ['history', '--json', ...db_]);
wall('mlsd review last --json', ['review', 'last', '--json', ...db_]);
wall('mlsd review last (with the report)', ['review', 'last', ...db_]);

#!/usr/bin/env node
// Runs the interviewer's fact lookup on the held-out clarifying questions and compares the facts it answers
// with the labels in questions-labels.md (written from the fact sheets, never tuned on). Run after
// `npm run build`: `node scripts/evaluate-facts.mjs [set] [--rows]` (default heldout5; --rows lists every
// question with what it got). A set is a folder under test/fixtures: questions.md with questions-labels.md, or
// one questions.yaml (the development set, facts-dev).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../dist/content/load.js';
import { loadVocabulary } from '../dist/content/vocabulary.js';
import * as facts from '../dist/interview/facts.js';
import { parse } from 'yaml';

const args = process.argv.slice(2);
const set = args.find((a) => !a.startsWith('--')) ?? 'heldout5';
const showRows = args.includes('--rows');
const dir = join(import.meta.dirname, '..', 'test', 'fixtures', set);

function markdownRows() {
  const asked = new Map();
  let section = null;
  for (const line of readFileSync(join(dir, 'questions.md'), 'utf8').split('\n')) {
    const heading = /^## ([a-z-]+)/.exec(line);
    if (heading) section = heading[1];
    const item = /^(\d+)\. (.+)$/.exec(line);
    if (item && section) asked.set(`${section}#${item[1]}`, item[2].trim());
  }
  const rows = readFileSync(join(dir, 'questions-labels.md'), 'utf8')
    .split('\n')
    .filter((line) => /^\| [a-z-]+ \| \d+ \|/.test(line))
    .map((line) => {
      const [promptId, n, question, expected] = line.split('|').slice(1, -1).map((cell) => cell.trim());
      return { promptId, n: Number(n), question, expected: expected === 'none' ? [] : expected.split(/,\s*/) };
    });
  for (const row of rows) {
    if (asked.get(`${row.promptId}#${row.n}`) !== row.question) throw new Error(`${row.promptId} #${row.n}: the label's question differs from questions.md`);
  }
  if (rows.length !== asked.size) throw new Error(`${rows.length} labels for ${asked.size} questions`);
  return rows;
}

/** A development set keeps each question beside its label: `<prompt id>: [{q, facts}]`. */
function yamlRows() {
  const sets = parse(readFileSync(join(dir, 'questions.yaml'), 'utf8'));
  return Object.entries(sets).flatMap(([promptId, list]) =>
    list.map((item, i) => ({ promptId, n: i + 1, question: item.q, expected: item.facts })),
  );
}

const rows = existsSync(join(dir, 'questions.yaml')) ? yamlRows() : markdownRows();

const content = loadContent();
// The lookup as the interviewer uses it: every fact it answers with (older builds answer with one at most).
const vocabulary = loadVocabulary();
const lookup = facts.matchFacts
  ? (question, sheet) => facts.matchFacts(question, facts.factIndex(sheet, vocabulary)).map((m) => m.fact.id)
  : (question, sheet) => {
      const match = facts.matchFact(question, sheet);
      return match ? [match.fact.id] : [];
    };

function outcome(expected, got) {
  if (!got.length) return expected.length ? 'nothing' : 'not specified';
  if (!expected.length || got.some((id) => !expected.includes(id))) return 'wrong fact';
  return got.length === expected.length ? 'exact' : 'part';
}

const results = rows.map((row) => {
  const prompt = content.prompts.find((p) => p.id === row.promptId);
  const got = lookup(row.question, prompt.facts);
  return { ...row, got, outcome: outcome(row.expected, got) };
});

if (showRows) {
  console.log('| prompt | # | question | expected | got | outcome |');
  console.log('|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(`| ${r.promptId} | ${r.n} | ${r.question} | ${r.expected.join(', ') || 'none'} | ${r.got.join(', ') || '—'} | ${r.outcome} |`);
  }
  console.log('');
}

const share = (n, of) => `${n} of ${of} (${of ? Math.round((100 * n) / of) : 0}%)`;
const count = (list, name) => list.filter((r) => r.outcome === name).length;
const uncovered = results.filter((r) => !r.expected.length);
const covered = results.filter((r) => r.expected.length);
console.log('| questions | outcome | count |');
console.log('|---|---|---|');
console.log(`| not covered by the sheet | answered "not specified" | ${share(count(uncovered, 'not specified'), uncovered.length)} |`);
console.log(`| not covered by the sheet | answered with a fact | ${share(count(uncovered, 'wrong fact'), uncovered.length)} |`);
console.log(`| covered | exactly the right fact(s) | ${share(count(covered, 'exact'), covered.length)} |`);
console.log(`| covered | some of the right facts, nothing wrong | ${share(count(covered, 'part'), covered.length)} |`);
console.log(`| covered | a wrong fact | ${share(count(covered, 'wrong fact'), covered.length)} |`);
console.log(`| covered | nothing ("not specified") | ${share(count(covered, 'nothing'), covered.length)} |`);

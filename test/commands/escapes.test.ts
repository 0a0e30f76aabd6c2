import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { interviewPlan } from '../../src/interview/plan.js';
import { openStore } from '../../src/store/open.js';
import { sessionStore } from '../../src/store/sessions.js';
import { runMain } from '../helpers/context.js';

/** Each kind of sequence that acts on a terminal instead of showing. */
const PAYLOADS = {
  title: '\u001b]0;PWNED\u0007',
  clear: '\u001b[2J',
  hyperlink: '\u001b]8;;http://evil.example\u001b\\link\u001b]8;;\u001b\\',
  clipboard: '\u001b]52;c;aGVsbG8=\u0007',
  cursor: '\u001b[5A',
  c1Csi: '\u009b31m',
  c1Osc: '\u009d0;x\u009c',
  bidi: '\u202e',
  isolate: '\u2066',
  c0: '\u0007\u0008\u007f',
};
const ALL = Object.values(PAYLOADS).join(' ');

/** Anything in output that a terminal would act on: C0 except newline and tab, DEL, C1, bidi overrides. */
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const OSC_BEL = /\u001b\][^\u0007]*\u0007/;

function expectInert(text: string): void {
  expect(text).not.toContain('\u001b');
  expect(text).not.toMatch(OSC_BEL);
  expect(text).not.toMatch(ACTIVE);
}

/** With colour on, our own SGR colour codes are the only escape sequences allowed. */
function expectOnlyOurColours(text: string): void {
  expect(text).toMatch(/\u001b\[\d+m/);
  expectInert(text.replace(/\u001b\[[\d;]*m/g, ''));
}

/** A good answer with a payload between every pair of words, so whatever the grader quotes carries some. */
function escapedAnswer(): string {
  const kinds = Object.values(PAYLOADS);
  let i = 0;
  const answer = readFileSync(join(import.meta.dirname, '../fixtures/answers/video-recommendations/senior.md'), 'utf8');
  return answer
    .split('\n')
    .map((line) => (line.trim() && !line.startsWith('#') ? line.replace(/ /g, () => ` ${kinds[i++ % kinds.length]} `) : line))
    .join('\n');
}

let dir: string;
let db: string;
let answer: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-test-'));
  db = join(dir, 'coach.db');
  answer = join(dir, 'answer.md');
  writeFileSync(answer, escapedAnswer());
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const env = () => ({ MLSD_HOME: dir });
const colourEnv = () => ({ MLSD_HOME: dir, NO_COLOR: '', FORCE_COLOR: '1' });

/** Saves a graded session from the escaped answer, as `interview --answers --json` does. */
async function saveGraded(): Promise<void> {
  const r = await runMain({ args: ['interview', 'video-recommendations', '--answers', answer, '--db', db, '--json'], env: env() });
  expect(r.status).toBe(0);
  // JSON escapes control characters itself (unchanged): ESC appears as \u001b, never raw.
  expect(r.stdout).not.toContain('\u001b');
  expect(r.stdout).toContain('\\u001b');
}

/** An unfinished session with a clarifying question, a follow-up and a draft, all carrying payloads. */
function saveInProgress(): void {
  const store = openStore(db);
  try {
    const sessions = sessionStore(store);
    const s = sessions.create({
      promptId: 'video-recommendations', mode: 'interview', targetLevel: 'senior', minutes: 45, timer: false,
      plan: interviewPlan({}, 45), startedAt: Date.UTC(2026, 0, 5),
    });
    const at = Date.UTC(2026, 0, 5);
    sessions.addEntry(s.id, { step: 'clarifying', kind: 'question', text: `How many users? ${ALL}`, factId: null, response: `Ten ${ALL}`, elapsedMs: 1, budgetMs: null, at });
    sessions.addEntry(s.id, { step: 'clarifying', kind: 'step-end', text: '', factId: null, response: null, elapsedMs: 0, budgetMs: null, at });
    sessions.addEntry(s.id, { step: 'requirements', kind: 'answer', text: `Watch time ${ALL}`, factId: null, response: null, elapsedMs: 1, budgetMs: null, at });
    sessions.addEntry(s.id, { step: 'requirements', kind: 'probe', text: `Why? ${ALL}`, factId: null, response: null, elapsedMs: 0, budgetMs: null, at });
    sessions.addEntry(s.id, { step: 'requirements', kind: 'reply', text: `Because ${ALL}`, factId: null, response: null, elapsedMs: 1, budgetMs: null, at });
    sessions.saveDraft(s.id, { step: 'metrics', kind: 'answer', text: `Half-typed ${ALL}`, savedAt: at });
  } finally {
    store.close();
  }
}

describe('answer text never drives the terminal', () => {
  it('score: quotes from the answer show their escapes as placeholders', async () => {
    const r = await runMain({ args: ['score', 'video-recommendations', answer], env: env() });
    expect(r.status).toBe(0);
    expectInert(r.stdout);
    expectInert(r.stderr);
    // The quotes did carry payloads: they show as control pictures and �.
    expect(r.stdout).toMatch(/Strengths[\s\S]*␛/);
    expect(r.stdout).toContain('�');
  });

  it('score with colour forced on: our colour codes still paint the report, nothing else gets through', async () => {
    const r = await runMain({ args: ['score', 'video-recommendations', answer], env: colourEnv() });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('\u001b[32m');
    expectOnlyOurColours(r.stdout);
  });

  it('interview --answers (report): the same report is inert', async () => {
    const r = await runMain({ args: ['interview', 'video-recommendations', '--answers', answer, '--db', db], env: env() });
    expect(r.status).toBe(0);
    expectInert(r.stdout);
    expect(r.stdout).toContain('␛');
  });

  it('review: answers and the report quoting them are inert, colour on or off', async () => {
    await saveGraded();
    const r = await runMain({ args: ['review', 'last', '--db', db], env: env() });
    expect(r.status).toBe(0);
    expectInert(r.stdout);
    for (const shown of ['␛]0;PWNED␇', '␛[2J', '␛]52;c;aGVsbG8=␇', '␛[5A', '�31m', '␇␈␡']) expect(r.stdout).toContain(shown);
    const coloured = await runMain({ args: ['review', 'last', '--db', db], env: colourEnv() });
    expect(coloured.status).toBe(0);
    expectOnlyOurColours(coloured.stdout);
  });

  it('review of an unfinished session: questions, replies, the follow-up and the draft are inert', async () => {
    saveInProgress();
    const r = await runMain({ args: ['review', 'last', '--db', db], env: env() });
    expect(r.status).toBe(0);
    expectInert(r.stdout);
    expect(r.stdout).toContain('How many users? ␛]0;PWNED␇');
    expect(r.stdout).toContain('Ten ␛]0;PWNED␇');
    expect(r.stdout).toContain('Why? ␛]0;PWNED␇');
    expect(r.stdout).toMatch(/not submitted\n│ Half-typed ␛\]0;PWNED␇/);
  });

  it('export to stdout and to a Markdown file: inert, graded or not', async () => {
    await saveGraded();
    saveInProgress();
    for (const id of ['1', '2']) {
      const out = await runMain({ args: ['export', id, '--db', db], env: env() });
      expect(out.status).toBe(0);
      expectInert(out.stdout);
      expect(out.stdout).toContain('␛]0;PWNED␇');
      const file = join(dir, `session-${id}.md`);
      const written = await runMain({ args: ['export', id, '--db', db, '-o', file], env: env() });
      expect(written.status).toBe(0);
      expectInert(written.stdout);
      const markdown = readFileSync(file, 'utf8');
      expectInert(markdown);
      expect(markdown).toContain('␛]0;PWNED␇');
    }
  });

  it('export --format json keeps escaping control characters as JSON does', async () => {
    saveInProgress();
    const r = await runMain({ args: ['export', 'last', '--db', db, '--format', 'json'], env: env() });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('\u001b');
    const parsed = JSON.parse(r.stdout) as { answers: { text: string }[] };
    expect(parsed.answers[0]!.text).toBe(`Watch time ${ALL}`);
  });

  it('history and abandon: a prompt id saved with escapes is shown inert', async () => {
    saveInProgress();
    const store = openStore(db);
    try {
      store.prepare('UPDATE sessions SET prompt_id = ?').run(`video${PAYLOADS.title}${PAYLOADS.c1Csi}`);
    } finally {
      store.close();
    }
    const history = await runMain({ args: ['history', '--db', db], env: env() });
    expect(history.status).toBe(0);
    expectInert(history.stdout);
    expect(history.stdout).toContain('video␛]0;PWNED␇�31m');
    const abandon = await runMain({ args: ['abandon', 'last', '--db', db], env: env() });
    expect(abandon.status).toBe(0);
    expectInert(abandon.stdout);
  });
});

describe('arguments echoed in error messages never drive the terminal', () => {
  const title = PAYLOADS.title;
  it.each([
    ['an unknown prompt id', () => ['show', title], 1],
    ['an unknown prompt id for score', () => ['score', `x${PAYLOADS.c1Csi}`, answer], 1],
    ['an unknown session id', () => ['review', title, '--db', db], 1],
    ['a missing answer file', () => ['score', 'video-recommendations', join(dir, `${title}.md`)], 1],
    ['a missing --db file', () => ['history', '--db', join(dir, `${title}.db`)], 1],
    ['an unknown option', () => ['score', `--x${title}`], 2],
    ['an unknown command', () => [`${PAYLOADS.clear}${title}`], 2],
    ['a bad option value', () => ['rubric', 'video-recommendations', '--phase', title], 2],
    ['a bad number', () => ['pipeline', '--seed', `${PAYLOADS.bidi}${title}`], 2],
  ])('%s', async (what, args, code) => {
    if (what === 'an unknown session id') await saveGraded();
    const r = await runMain({ args: args(), env: env() });
    expect(r.status).toBe(code);
    expectInert(r.stderr);
    expectInert(r.stdout);
    expect(r.stderr).toMatch(/␛\]0;PWNED␇|�31m/);
  });

  it('with colour on, the error is still red and the escape still shown', async () => {
    const r = await runMain({ args: ['show', PAYLOADS.title], env: colourEnv() });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('\u001b[31merror: unknown prompt "␛]0;PWNED␇"');
    expectOnlyOurColours(r.stderr);
  });
});

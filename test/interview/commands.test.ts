import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { abandon } from '../../src/commands/abandon.js';
import { exportSession } from '../../src/commands/export.js';
import { history } from '../../src/commands/history.js';
import { interview } from '../../src/commands/interview.js';
import { practice } from '../../src/commands/practice.js';
import { resume } from '../../src/commands/resume.js';
import { review } from '../../src/commands/review.js';
import { UserError } from '../../src/errors.js';
import { interviewPlan, practicePlan } from '../../src/interview/plan.js';
import { openStore } from '../../src/store/open.js';
import { sessionStore } from '../../src/store/sessions.js';
import { testContext } from '../helpers/context.js';
import { fakeGrader, tinyContent, tinyPrompt } from './fake-content.js';

const testCtx = (interactive = false) => testContext({ interactive });
/** For the sitting commands: the tiny prompt and a fake grader. */
const sittingCtx = (interactive = false) => testContext({ interactive, content: tinyContent, grader: fakeGrader() });

/** A database with a graded interview, a graded practice drill and one in progress. */
function seeded() {
  const file = join(mkdtempSync(join(tmpdir(), 'mlsd-cmd-')), 'coach.db');
  const db = openStore(file);
  const store = sessionStore(db);
  const grader = fakeGrader();
  const day = 86_400_000;
  const base = Date.UTC(2026, 10, 20, 9);

  const a = store.create({ promptId: 'tiny-recs', mode: 'interview', targetLevel: 'senior', minutes: 45, timer: true, plan: interviewPlan(tinyPrompt, 45), startedAt: base });
  store.addEntry(a.id, { step: 'clarifying', kind: 'question', text: 'How many users?', factId: 'daily-users', response: '50 million', elapsedMs: 5_000, budgetMs: 270_000, at: base });
  const answers = { requirements: 'Maximise watch time.', metrics: 'An A/B test.', data: 'Nothing yet.', models: 'Candidates then ranking.', serving: 'A cache.', monitoring: 'Drift alerts.' };
  for (const [phase, text] of Object.entries(answers)) {
    store.addEntry(a.id, { step: phase as 'metrics', kind: 'answer', text, factId: null, response: null, elapsedMs: 60_000, budgetMs: 300_000, at: base });
  }
  store.addEntry(a.id, { step: 'models', kind: 'probe', text: 'And a brand-new video?', factId: null, response: null, elapsedMs: 61_000, budgetMs: null, at: base });
  store.addEntry(a.id, { step: 'models', kind: 'reply', text: 'No idea.', factId: null, response: null, elapsedMs: 90_000, budgetMs: null, at: base });
  store.finish(a.id, grader.grade(tinyPrompt, tinyContent.framework, { sections: Object.entries(answers).map(([phase, text]) => ({ phase: phase as 'data', text })) }), base + 2_700_000);

  const b = store.create({ promptId: 'tiny-recs', mode: 'practice', targetLevel: 'senior', minutes: 10, timer: true, plan: practicePlan('data', 10), startedAt: base + day });
  store.addEntry(b.id, { step: 'data', kind: 'answer', text: 'Labels from watches.', factId: null, response: null, elapsedMs: 300_000, budgetMs: 600_000, at: base + day });
  store.finish(b.id, grader.grade(tinyPrompt, tinyContent.framework, { sections: [{ phase: 'data', text: 'Labels from watches.' }], phases: ['data'] }), base + day + 600_000);

  const c = store.create({ promptId: 'other-prompt', mode: 'interview', targetLevel: 'mid', minutes: 30, timer: true, plan: interviewPlan(tinyPrompt, 30), startedAt: base + 2 * day });
  store.saveDraft(c.id, { step: 'clarifying', kind: 'answer', text: 'x', savedAt: base });
  db.close();
  return { file, ids: [a.id, b.id, c.id] };
}

describe('mlsd history', () => {
  it('--json lists sessions newest first in the contract shape', async () => {
    const { file, ids } = seeded();
    const { ctx, text } = testCtx();
    await history({ json: true, db: file }, ctx);
    const rows = JSON.parse(text()) as Array<Record<string, unknown>>;
    expect(rows.map((r) => r.id)).toEqual([...ids].reverse());
    expect(rows[2]).toMatchObject({ promptId: 'tiny-recs', mode: 'interview', status: 'completed', startedAt: '2026-11-20T09:00:00.000Z', level: 'mid' });
    expect(rows[0]).toMatchObject({ status: 'in-progress', total: null, level: null, finishedAt: null });
  });

  it('--prompt filters', async () => {
    const { file } = seeded();
    const { ctx, text } = testCtx();
    await history({ json: true, db: file, prompt: 'other-prompt' }, ctx);
    expect((JSON.parse(text()) as unknown[]).length).toBe(1);
  });

  it('shows the table, the chart, the averages and the weakest phase with a next drill', async () => {
    const { file } = seeded();
    const { ctx, text } = testCtx();
    await history({ db: file }, ctx);
    const out = text();
    expect(out).toMatch(/#\s+date\s+prompt\s+mode\s+min\s+total\s+level/);
    expect(out).toContain('in progress · mlsd resume 3');
    expect(out).toMatch(/ 1 {2}2026-11-20 {2}tiny-recs {5}interview {3}45 /);
    expect(out).toContain('Total over time');
    expect(out).toMatch(/Data and features .* 50 \(2\)/);
    // The interview's serving answer ("A cache.") met nothing; the drill's data answer met everything.
    expect(out).toMatch(/Serving .* 0 \(1\) ← weakest/);
    expect(out).toContain('Weakest phase: serving (avg 0) → mlsd practice tiny-recs --phase serving');
  });

  it.each([[true], [false]])('--prompt with an unknown id names the closest prompt instead of "no sessions yet" (json %s)', async (json) => {
    const { file } = seeded();
    const { ctx, text } = testCtx();
    const err = await history({ json, db: file, prompt: 'video-recs' }, ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toBe('unknown prompt "video-recs"');
    expect((err as UserError).hint).toContain('Did you mean "video-recommendations"?');
    expect(text()).toBe('');
  });

  it('--prompt with a real prompt that has no sessions says so and succeeds', async () => {
    const { file } = seeded();
    const { ctx, text } = testCtx();
    await history({ db: file, prompt: 'ads-click-prediction' }, ctx);
    expect(text()).toBe('No sessions yet for ads-click-prediction. Start with `mlsd interview ads-click-prediction` (a timed mock round) or `mlsd practice ads-click-prediction --phase metrics`.\n');
  });

  it('an empty history says how to start and succeeds', async () => {
    const { ctx, text } = testCtx();
    await history({}, ctx);
    expect(text()).toMatch(/No sessions yet\. Start with `mlsd interview`/);
  });
});

describe('mlsd review and export', () => {
  it('review --json has the answers with timings and the grade', async () => {
    const { file, ids } = seeded();
    const { ctx, text } = testCtx();
    await review({ id: String(ids[0]), json: true, db: file }, ctx);
    const r = JSON.parse(text());
    expect(r.id).toBe(ids[0]);
    expect(r.answers[0]).toEqual({ phase: 'requirements', kind: 'answer', text: 'Maximise watch time.', elapsedMs: 60_000 });
    expect(r.answers.find((a: { kind: string }) => a.kind === 'reply')).toMatchObject({ phase: 'models', question: 'And a brand-new video?' });
    expect(r.questions).toEqual([{ question: 'How many users?', factId: 'daily-users', response: '50 million', elapsedMs: 5_000 }]);
    expect(r.grade.promptId).toBe('tiny-recs');
  });

  it('"last" is the newest session; an ungraded one shows its answers and how to resume', async () => {
    const { file } = seeded();
    const { ctx, text } = testCtx();
    await review({ id: 'last', db: file }, ctx);
    expect(text()).toMatch(/Session 3 is in-progress and not graded yet\. Continue it with `mlsd resume 3`/);
  });

  it.each([['42'], ['abc']])('an unknown session %s fails with the ids that exist', async (id) => {
    const { file } = seeded();
    const { ctx } = testCtx();
    const err = await review({ id, db: file }, ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toBe(`no session "${id}".`);
    expect((err as UserError).hint).toMatch(/Sessions: 3, 2, 1 \(or "last"\)/);
  });

  it('export writes plain Markdown (no ANSI) with the score, evidence, answers and timings', async () => {
    const { file, ids } = seeded();
    const { ctx, text } = testCtx();
    const target = join(mkdtempSync(join(tmpdir(), 'mlsd-exp-')), 'report.md');
    await exportSession({ id: String(ids[0]), format: 'md', output: target, db: file }, ctx);
    expect(text()).toBe(`Wrote ${target}\n`);
    const md = readFileSync(target, 'utf8');
    expect(md).not.toMatch(/\u001b\[/);
    expect(md).toMatch(/^# tiny-recs\n/);
    expect(md).toMatch(/\*\*Total \d+\/100 · level reached: mid\*\*/);
    expect(md).toContain('| Data and features | 0 | 0 of 1 |');
    expect(md).toContain('- ✗ **Mentions labels** (data · mid)');
    expect(md).toContain('*Interviewer:* And a brand-new video?');
    expect(md).toContain('> Maximise watch time.');
    expect(md).toContain('| Clarifying questions | 00:05 | 04:30 |');
  });

  it('export of a session still in progress says how to continue it', async () => {
    const { file } = seeded();
    const { ctx, text } = testCtx();
    await exportSession({ id: 'last', format: 'md', db: file }, ctx);
    expect(text()).toContain('_Not graded yet: the session is still in progress (`mlsd resume 3` continues it)._');
  });

  it('export --format json equals review --json', async () => {
    const { file } = seeded();
    const a = testCtx();
    const b = testCtx();
    await exportSession({ id: 'last', format: 'json', db: file }, a.ctx);
    await review({ id: 'last', json: true, db: file }, b.ctx);
    expect(JSON.parse(a.text())).toEqual(JSON.parse(b.text()));
  });
});

describe('mlsd abandon', () => {
  it('closes an in-progress session, keeps its draft and answers, and resume then refuses it', async () => {
    const { file, ids } = seeded();
    const { ctx, text } = testCtx();
    await abandon({ id: 'last', db: file }, ctx);
    expect(text()).toBe(`Session ${ids[2]} (other-prompt) is abandoned; its answers are kept: \`mlsd review ${ids[2]}\`.\n`);

    const listed = testCtx();
    await history({ json: true, db: file }, listed.ctx);
    expect(JSON.parse(listed.text())[0]).toMatchObject({ id: ids[2], status: 'abandoned', total: null, finishedAt: '2026-11-26T12:00:00.000Z' });
    const db = openStore(file);
    expect(sessionStore(db).draft(ids[2]!)?.text).toBe('x');
    expect(sessionStore(db).latestInProgress()).toBeUndefined();
    db.close();

    const reviewed = testCtx();
    await review({ id: String(ids[2]), db: file }, reviewed.ctx);
    expect(reviewed.text()).toContain(`Session ${ids[2]} was abandoned, so it has no grade.`);
    expect(reviewed.text()).toMatch(/Clarifying questions — not submitted\n│ x\n/);
    const exported = testCtx();
    await exportSession({ id: String(ids[2]), format: 'md', db: file }, exported.ctx);
    expect(exported.text()).toContain('_Not graded: the session was abandoned before the end; the answers it has are below._');
    expect(exported.text()).not.toContain('Not graded yet');
    const err = await resume({ id: String(ids[2]), db: file }, sittingCtx(true).ctx).catch((e: unknown) => e);
    expect((err as UserError).message).toBe(`session ${ids[2]} is abandoned; only an in-progress session can be resumed.`);
    expect((err as UserError).hint).toContain('`mlsd interview other-prompt` starts it afresh');
  });

  it('says so when the session was already abandoned', async () => {
    const { file, ids } = seeded();
    await abandon({ id: String(ids[2]), db: file }, testCtx().ctx);
    const { ctx, text } = testCtx();
    await abandon({ id: String(ids[2]), db: file }, ctx);
    expect(text()).toBe(`Session ${ids[2]} was already abandoned.\n`);
  });

  it('refuses a completed session and leaves it as it was', async () => {
    const { file, ids } = seeded();
    const err = await abandon({ id: String(ids[0]), db: file }, testCtx().ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toBe(`session ${ids[0]} is completed; only an in-progress session can be abandoned.`);
    const db = openStore(file);
    expect(sessionStore(db).get(ids[0]!)).toMatchObject({ status: 'completed', level: 'mid' });
    db.close();
  });
});

describe('interactive commands without a terminal', () => {
  it.each([
    ['interview', () => interview({ minutes: 45, level: 'senior', timer: true }, sittingCtx().ctx)],
    ['practice', () => practice({ id: 'tiny-recs', phase: 'data', minutes: 10, level: 'senior', timer: true }, sittingCtx().ctx)],
  ])('%s exits at once pointing at --answers', async (name, run) => {
    const err = await run().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toContain(`\`mlsd ${name}\` asks questions and needs a terminal`);
    expect((err as UserError).hint).toContain('--answers <answer.md>');
  });

  it('resume exits at once and points at review and abandon, not at --answers (it has no such flag)', async () => {
    const err = await resume({}, sittingCtx().ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toContain('`mlsd resume` asks questions and needs a terminal');
    expect((err as UserError).hint).toMatch(/mlsd review <session>.*mlsd abandon <session>/);
    expect((err as UserError).hint).not.toContain('--answers');
  });
});

describe('a --db path that does not exist', () => {
  const missing = () => join(mkdtempSync(join(tmpdir(), 'mlsd-missing-')), 'typo.db');
  it.each([
    ['history', (db: string) => history({ db }, testCtx().ctx)],
    ['review', (db: string) => review({ id: 'last', db }, testCtx().ctx)],
    ['export', (db: string) => exportSession({ id: 'last', format: 'md', db }, testCtx().ctx)],
    ['abandon', (db: string) => abandon({ id: 'last', db }, testCtx().ctx)],
    ['resume', (db: string) => resume({ db }, sittingCtx(true).ctx)],
  ])('%s refuses it and does not create it', async (_name, run) => {
    const db = missing();
    const err = await run(db).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toBe(`no history database at ${db}.`);
    expect(existsSync(db)).toBe(false);
  });
});

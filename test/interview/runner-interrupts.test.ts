import { describe, expect, it } from 'vitest';
import { InterruptedError, UserError } from '../../src/errors.js';
import type { Asker, StopSignal, TextRequest, TextResult } from '../../src/interview/asker.js';
import { interviewPlan, practicePlan } from '../../src/interview/plan.js';
import { runSession, type RunnerDeps } from '../../src/interview/runner.js';
import type { PlanStep } from '../../src/interview/types.js';
import { openStore } from '../../src/store/open.js';
import { sessionStore, type SessionStore } from '../../src/store/sessions.js';
import { terminalSessionView } from '../../src/ui/session-view.js';
import { fakeGrader, tinyContent, tinyPrompt } from './fake-content.js';

/** Answers the session's requests in order; `signals` are what the terminal would report between inputs. */
function scripted(replies: TextResult[], signals: Array<StopSignal | undefined> = []) {
  const requests: TextRequest[] = [];
  const asker: Asker & { edited: number } = {
    edited: 0,
    async text(req) {
      requests.push(req);
      const next = replies.shift();
      if (!next) throw new Error(`no scripted answer left for request ${requests.length}`);
      return next;
    },
    async editor(initial) {
      asker.edited++;
      return `${initial} edited`;
    },
    choose: async () => 'tiny-recs',
    pendingSignal: async () => signals.shift(),
  };
  return { asker, requests };
}

function setup(plan: PlanStep[], options: { mode?: 'interview' | 'practice'; store?: (s: SessionStore) => SessionStore } = {}) {
  const real = sessionStore(openStore(':memory:'));
  const store = options.store ? options.store(real) : real;
  let t = 1_000_000;
  const session = real.create({ promptId: 'tiny-recs', mode: options.mode ?? 'interview', targetLevel: 'senior', minutes: 10, timer: true, plan, startedAt: t });
  const output: string[] = [];
  const deps = (asker: Asker, extra: Partial<RunnerDeps> = {}): RunnerDeps => ({
    store, ask: asker, grader: fakeGrader(), framework: tinyContent.framework, prompt: tinyPrompt,
    view: terminalSessionView({ out: (s) => output.push(s), color: false, width: 80 }), now: () => (t += 1000), editor: false, ...extra,
  });
  return { store: real, session, output, deps, text: () => output.join('') };
}

const done = (text: string): TextResult => ({ kind: 'done', text });

describe('runSession: a signal ends the session with its exit code', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s while typing saves the draft and exits %i', async (signal, code) => {
    const { store, session, deps } = setup(interviewPlan(tinyPrompt, 10));
    const { asker } = scripted([{ kind: 'end' }, { kind: 'interrupted', text: 'Maximise watch', signal }]);
    const err = await runSession(session, deps(asker)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InterruptedError);
    expect(err).toMatchObject({ signal, code });
    expect((err as Error).message).toMatch(/what you were typing is saved\. Continue with `mlsd resume 1`/);
    expect(store.draft(session.id)).toMatchObject({ step: 'requirements', kind: 'answer', text: 'Maximise watch' });
  });

  it('a signal after the last input still grades and saves the session, then ends with its exit code', async () => {
    const { store, session, deps } = setup(practicePlan('serving', 5), { mode: 'practice' });
    const { asker } = scripted([done('ANN retrieval.')], ['SIGTERM']);
    const err = await runSession(session, deps(asker)).catch((e: unknown) => e);
    expect(err).toMatchObject({ signal: 'SIGTERM', code: 143 });
    expect((err as Error).message).toMatch(/mlsd review 1/);
    expect(store.get(session.id)?.status).toBe('completed');
  });

  it('with --editor, a signal between two answers stops before the next editor opens', async () => {
    const { store, session, deps } = setup(practicePlan('serving', 5), { mode: 'practice' });
    const { asker } = scripted([], ['SIGTERM']);
    const err = await runSession(session, deps(asker, { editor: true })).catch((e: unknown) => e);
    expect(err).toMatchObject({ signal: 'SIGTERM', code: 143 });
    expect(asker.edited).toBe(0);
    expect(store.get(session.id)).toBeUndefined();
  });
});

describe('runSession: interrupted before anything was written', () => {
  it('removes the empty session and says nothing was saved', async () => {
    const { store, session, deps } = setup(interviewPlan(tinyPrompt, 10));
    const { asker } = scripted([{ kind: 'interrupted', text: '' }]);
    await expect(runSession(session, deps(asker))).rejects.toThrow(/nothing was saved/);
    expect(store.get(session.id)).toBeUndefined();
    expect(store.list()).toEqual([]);
  });

  it('keeps the session when the first thing typed is saved as a draft', async () => {
    const { store, session, deps } = setup(practicePlan('serving', 5), { mode: 'practice' });
    const { asker } = scripted([{ kind: 'interrupted', text: 'ANN', signal: 'SIGTERM' }]);
    await expect(runSession(session, deps(asker))).rejects.toThrow(/Continue with `mlsd resume 1`/);
    expect(store.get(session.id)?.status).toBe('in-progress');
  });

  it('keeps the session once something was submitted, even with nothing typed since', async () => {
    const { store, session, deps } = setup(interviewPlan(tinyPrompt, 10));
    const { asker } = scripted([done('How many users?'), { kind: 'interrupted', text: '' }]);
    await expect(runSession(session, deps(asker))).rejects.toThrow(/Continue with `mlsd resume 1`/);
    expect(store.entries(session.id)).toHaveLength(1);
  });
});

const diskFull = () => Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });

describe('runSession: the disk is full', () => {
  const failing = (what: 'addEntry' | 'saveDraft') => (s: SessionStore): SessionStore => ({
    ...s,
    [what]: () => {
      throw diskFull();
    },
  });

  it('a submitted answer that cannot be written is printed back, and the session ends with one clear line', async () => {
    const { store, session, deps, text } = setup(practicePlan('serving', 5), { mode: 'practice', store: failing('addEntry') });
    const { asker } = scripted([done('ANN retrieval behind a cache.\nThe p99 is 80 ms.')]);
    const err = await runSession(session, deps(asker)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toBe('could not save your answer: the disk is full (SQLITE_FULL).');
    expect((err as UserError).message).not.toMatch(/\n/);
    expect(text()).toContain('Here is what you typed:');
    expect(text()).toContain('ANN retrieval behind a cache.\nThe p99 is 80 ms.');
    expect(store.entries(session.id)).toEqual([]);
  });

  it('a draft that cannot be written on Ctrl-C is printed back too', async () => {
    const { session, deps, text } = setup(practicePlan('serving', 5), { mode: 'practice', store: failing('saveDraft') });
    const { asker } = scripted([{ kind: 'interrupted', text: 'Half an answer about ANN' }]);
    const err = await runSession(session, deps(asker)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toMatch(/^could not save what you were typing: the disk is full \(SQLITE_FULL\)\.$/);
    expect(text()).toContain('Half an answer about ANN');
  });

  it('also writes the text to a file when one can still be written, and says where', async () => {
    const kept: string[] = [];
    const { session, deps, text } = setup(practicePlan('serving', 5), { mode: 'practice', store: failing('addEntry') });
    const { asker } = scripted([done('ANN retrieval.')]);
    const err = await runSession(session, deps(asker, { keepElsewhere: (t) => (kept.push(t), '/tmp/mlsd-unsaved/answer.md') })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(kept).toEqual(['ANN retrieval.']);
    expect(`${text()}${(err as UserError).hint}`).toContain('/tmp/mlsd-unsaved/answer.md');
  });
});

import { describe, expect, it } from 'vitest';
import { InterruptedError } from '../../src/errors.js';
import type { Asker, TextRequest, TextResult } from '../../src/interview/asker.js';
import { UNKNOWN_FACT_REPLY } from '../../src/interview/facts.js';
import { interviewPlan, practicePlan } from '../../src/interview/plan.js';
import { runSession, type RunnerDeps } from '../../src/interview/runner.js';
import type { PlanStep } from '../../src/interview/types.js';
import { openStore } from '../../src/store/open.js';
import { sessionStore, type SessionStore } from '../../src/store/sessions.js';
import { terminalSessionView } from '../../src/ui/session-view.js';
import { fakeGrader, tinyContent, tinyPrompt } from './fake-content.js';

type Script = (req: TextRequest) => TextResult;

/** Answers the session's requests in order; each step may move the fake clock on. */
function scripted(clock: { t: number }, steps: Array<[advanceMs: number, Script]>) {
  const requests: TextRequest[] = [];
  const asker: Asker = {
    async text(req) {
      requests.push(req);
      const next = steps.shift();
      if (!next) throw new Error(`no scripted answer left for request ${requests.length}`);
      clock.t += next[0];
      return next[1](req);
    },
    async editor(initial) {
      return `${initial}\nedited`;
    },
    choose: async () => 'tiny-recs',
  };
  return { asker, requests, left: () => steps.length };
}

const say = (text: string): Script => () => ({ kind: 'done', text });
const end: Script = () => ({ kind: 'end' });

function setup(plan: PlanStep[], mode: 'interview' | 'practice' = 'interview', timer = true) {
  const store = sessionStore(openStore(':memory:'));
  const clock = { t: 1_000_000 };
  const session = store.create({ promptId: 'tiny-recs', mode, targetLevel: 'senior', minutes: 10, timer, plan, startedAt: clock.t });
  const output: string[] = [];
  const grader = fakeGrader();
  const deps = (asker: Asker): RunnerDeps => ({
    store, ask: asker, grader, framework: tinyContent.framework, prompt: tinyPrompt,
    view: terminalSessionView({ out: (t) => output.push(t), color: false, width: 80 }), now: () => clock.t, editor: false,
  });
  return { store, clock, session, output, grader, deps };
}

const phaseAnswers: Array<[number, Script]> = [
  [30_000, say('Maximise watch time for returning users.')],
  [30_000, say('Offline recall; online an A/B test on watch time.')],
  [30_000, say('Labels from watches and skips.')],
  [30_000, say('Retrieve 500 candidates, rank them with a GBDT.')],
  [20_000, say('New videos get a cold start boost from content embeddings.')],
  [30_000, say('ANN retrieval behind a cache.')],
  [30_000, say('Watch for drift in the click rate.')],
];

describe('runSession: a whole interview', () => {
  it('answers clarifying questions from the fact sheet, asks a probe for a missed heavy criterion, grades everything', async () => {
    const { store, clock, session, output, grader, deps } = setup(interviewPlan(tinyPrompt, 10));
    const { asker, requests, left } = scripted(clock, [
      [10_000, say('How many daily active users?')],
      [5_000, say('Is there a GPU budget?')],
      [1_000, end],
      ...phaseAnswers.slice(0, 4),
      phaseAnswers[4]!, // the reply to the cold-start probe
      ...phaseAnswers.slice(5),
    ]);
    const result = await runSession(session, deps(asker));
    expect(left()).toBe(0);

    const text = output.join('');
    expect(text).toContain('Interviewer: 50 million');
    expect(text).toContain(`Interviewer: ${UNKNOWN_FACT_REPLY}`);
    expect(text).toContain('Interviewer: How would you recommend a brand-new video?');
    expect(requests[0]!.multiline).toBe(false);
    expect(requests[3]!.multiline).toBe(true);
    expect(requests[3]!.hint).toContain('Pin down the objective.');

    const entries = store.entries(session.id);
    const questions = entries.filter((e) => e.kind === 'question');
    expect(questions.map((q) => q.factId)).toEqual(['daily-users', null]);
    expect(entries.filter((e) => e.kind === 'probe').map((e) => e.step)).toEqual(['models']);
    expect(entries.filter((e) => e.kind === 'reply')).toHaveLength(1);

    expect(result.session.status).toBe('completed');
    expect(result.grade.total).toBe(100);
    const final = grader.calls[grader.calls.length - 1]!;
    expect(final.askedFacts).toEqual(['daily-users']);
    expect(final.phases).toBeUndefined();
    expect(final.sections.find((s) => s.phase === 'models')?.text).toContain('cold start boost');
    expect(store.get(session.id)?.total).toBe(100);
  });

  it('answers a question about two facts with both, and credits both as asked', async () => {
    const { store, clock, session, output, grader, deps } = setup(interviewPlan(tinyPrompt, 10));
    const { asker } = scripted(clock, [
      [10_000, say('How many daily active users are there, and what is the latency budget?')],
      [5_000, say('Do users see ads?')],
      [1_000, end],
      ...phaseAnswers.slice(0, 4),
      phaseAnswers[4]!,
      ...phaseAnswers.slice(5),
    ]);
    await runSession(session, deps(asker));
    const text = output.join('');
    expect(text).toContain('Interviewer: 50 million 100 ms at p99');
    const questions = store.entries(session.id).filter((e) => e.kind === 'question');
    expect(questions.map((q) => q.factId)).toEqual(['daily-users,latency', null]);
    expect(questions[1]!.response).toBe(UNKNOWN_FACT_REPLY);
    expect(grader.calls[grader.calls.length - 1]!.askedFacts).toEqual(['daily-users', 'latency']);
  });

  it('shows the time left in the step and overall before each line', async () => {
    const { clock, session, deps } = setup(interviewPlan(tinyPrompt, 10));
    const { asker, requests } = scripted(clock, [[60_000, end], ...phaseAnswers.slice(0, 4), phaseAnswers[4]!, ...phaseAnswers.slice(5)]);
    await runSession(session, deps(asker));
    const requirements = requests[1]!;
    // clarifying took its minute: requirements has its own full minute and the round has 9 minutes left.
    expect(requirements.stepLeftMs).toBe(60_000);
    expect(requirements.timeLeftMs).toBe(540_000);
    expect(requirements.overrunWarning).toMatch(/budget is used up/);
  });

  it('records an overrun: the answer arrives after the step budget', async () => {
    const { store, clock, session, deps } = setup(interviewPlan(tinyPrompt, 10));
    const { asker } = scripted(clock, [[0, end], [90_000, say('Maximise watch time.')], ...phaseAnswers.slice(1, 4), phaseAnswers[4]!, ...phaseAnswers.slice(5)]);
    await runSession(session, deps(asker));
    const answer = store.entries(session.id).find((e) => e.step === 'requirements' && e.kind === 'answer')!;
    expect(answer.elapsedMs).toBe(90_000);
    expect(answer.budgetMs).toBe(60_000);
  });

  it('ends gracefully when the total time runs out, keeping what was written', async () => {
    const { store, clock, session, output, deps } = setup(interviewPlan(tinyPrompt, 10));
    const { asker, left } = scripted(clock, [
      [0, end],
      ...phaseAnswers.slice(0, 3),
      [400_000, () => ({ kind: 'time-up', text: 'Retrieve candidates then' })],
    ]);
    const result = await runSession(session, deps(asker));
    expect(left()).toBe(0);
    expect(result.timeUp).toBe(true);
    expect(result.session.status).toBe('completed');
    expect(output.join('')).toMatch(/out of time/);
    const models = store.entries(session.id).filter((e) => e.step === 'models').map((e) => e.kind);
    expect(models).toEqual(['answer', 'step-end']);
    expect(store.entries(session.id).some((e) => e.step === 'serving')).toBe(false);
  });
});

describe('runSession: interrupted and resumed', () => {
  it('saves the text being typed on Ctrl-C, then resumes at that phase with the draft and a fresh clock', async () => {
    const { store, clock, session, deps } = setup(interviewPlan(tinyPrompt, 10));
    const first = scripted(clock, [
      [0, end],
      phaseAnswers[0]!,
      [20_000, () => ({ kind: 'interrupted', text: 'Offline recall and' })],
    ]);
    await expect(runSession(session, deps(first.asker))).rejects.toBeInstanceOf(InterruptedError);
    expect(store.get(session.id)?.status).toBe('in-progress');
    expect(store.draft(session.id)).toMatchObject({ step: 'metrics', kind: 'answer', text: 'Offline recall and' });

    clock.t += 3_600_000; // an hour later
    const second = scripted(clock, [
      [10_000, (req) => ({ kind: 'done', text: `${req.initial} an A/B test.` })],
      ...phaseAnswers.slice(2, 4),
      phaseAnswers[4]!,
      ...phaseAnswers.slice(5),
    ]);
    const result = await runSession(store.get(session.id)!, deps(second.asker));
    const resumedAt = second.requests[0]!;
    expect(resumedAt.initial).toBe('Offline recall and');
    // The 10-minute round less what the finished steps took (clarifying 0 s, requirements 30 s), as the live
    // clock showed; the hour away and the 20 s into metrics are not charged, and metrics starts again.
    expect(resumedAt.timeLeftMs).toBe(600_000 - 30_000);
    expect(result.session.status).toBe('completed');
    expect(store.draft(session.id)).toBeUndefined();
    const metrics = store.entries(session.id).find((e) => e.step === 'metrics' && e.kind === 'answer')!;
    expect(metrics.text).toBe('Offline recall and an A/B test.');
  });

  it('keeps a half-typed clarifying question and offers it again on resume', async () => {
    const { store, clock, session, deps } = setup(interviewPlan(tinyPrompt, 10));
    const first = scripted(clock, [
      [5_000, say('How many users?')],
      [5_000, () => ({ kind: 'interrupted', text: 'What is the lat' })],
    ]);
    await expect(runSession(session, deps(first.asker))).rejects.toThrow(/questions are saved.*mlsd resume 1/);
    expect(store.draft(session.id)).toMatchObject({ step: 'clarifying', kind: 'question', text: 'What is the lat' });

    const second = scripted(clock, [[1_000, (req) => ({ kind: 'done', text: `${req.initial}ency budget?` })], [0, end]]);
    second.asker.text = ((orig) => async (req: TextRequest) => (req.multiline ? { kind: 'done', text: '' } : orig(req)))(second.asker.text);
    await runSession(store.get(session.id)!, deps(second.asker));
    expect(second.requests[0]).toMatchObject({ multiline: false, initial: 'What is the lat' });
    const questions = store.entries(session.id).filter((e) => e.kind === 'question');
    expect(questions.map((q) => [q.text, q.factId])).toEqual([
      ['How many users?', 'daily-users'],
      ['What is the latency budget?', 'latency'],
    ]);
    expect(store.draft(session.id)).toBeUndefined();
  });

  it('resumes a pending probe reply rather than asking the phase again', async () => {
    const { store, clock, session, output, deps } = setup(practicePlan('models', 5), 'practice');
    const first = scripted(clock, [
      [10_000, say('Retrieve candidates.')],
      [5_000, () => ({ kind: 'interrupted', text: '' })],
    ]);
    await expect(runSession(session, deps(first.asker))).rejects.toBeInstanceOf(InterruptedError);
    const second = scripted(clock, [[5_000, say('A cold start boost.')]]);
    const result = await runSession(store.get(session.id)!, deps(second.asker));
    expect(store.entries(session.id).map((e) => e.kind)).toEqual(['answer', 'probe', 'reply', 'step-end']);
    // Asked when the answer came in, and again when the session came back to it.
    expect(output.join('').split('Interviewer: How would you recommend a brand-new video?')).toHaveLength(3);
    expect(result.grade.phases.find((p) => p.id === 'models')?.score).toBe(100);
  });
});

describe('runSession: practice and options', () => {
  it('drills one phase and grades only that phase', async () => {
    const { store, clock, session, grader, deps } = setup(practicePlan('serving', 5), 'practice');
    const { asker, requests } = scripted(clock, [[60_000, say('ANN retrieval with a cache.')]]);
    await runSession(session, deps(asker));
    expect(requests).toHaveLength(1);
    expect(requests[0]!.timeLeftMs).toBe(300_000);
    expect(grader.calls[grader.calls.length - 1]!.phases).toEqual(['serving']);
    expect(store.get(session.id)?.status).toBe('completed');
  });

  it('without a timer, nothing expires and no overrun is warned', async () => {
    const { clock, session, deps } = setup(practicePlan('serving', 5), 'practice', false);
    const { asker, requests } = scripted(clock, [[10 * 60_000, say('ANN.')]]);
    await runSession(session, deps(asker));
    expect(requests[0]!.timeLeftMs).toBe(Infinity);
    expect(requests[0]!.overrunWarning).toBeUndefined();
  });

  it(':editor hands what was typed to the editor and takes its result as the answer', async () => {
    const { store, clock, session, deps } = setup(practicePlan('serving', 5), 'practice');
    const { asker } = scripted(clock, [[1_000, () => ({ kind: 'editor', text: 'ANN first draft' })]]);
    await runSession(session, deps(asker));
    expect(store.entries(session.id).find((e) => e.kind === 'answer')?.text).toBe('ANN first draft\nedited');
  });
});

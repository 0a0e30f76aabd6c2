import { describe, expect, it } from 'vitest';
import { interviewPlan, practicePlan } from '../../../src/interview/plan.js';
import { planTotalMs } from '../../../src/interview/plan.js';
import { answerSections, askedFacts, nextAction, remainingPlan, resumedTotalMs, timeSpent } from '../../../src/interview/session.js';
import type { Entry } from '../../../src/interview/types.js';
import { entry } from '../../helpers/interview-fixtures.js';

const plan = interviewPlan({}, 10);
const clarified: Entry[] = [
  entry({ step: 'clarifying', kind: 'question', text: 'How many users?', factId: 'daily-users' }),
  entry({ step: 'clarifying', kind: 'question', text: 'Logo colour?' }),
  entry({ step: 'clarifying', kind: 'question', text: 'DAU?', factId: 'daily-users' }),
  entry({ step: 'clarifying', kind: 'step-end', text: '' }),
];

describe('nextAction', () => {
  it.each<[string, Entry[], ReturnType<typeof nextAction>]>([
    ['a new session starts with clarifying', [], { kind: 'clarify', step: 'clarifying' }],
    ['questions asked but clarifying not ended', clarified.slice(0, 2), { kind: 'clarify', step: 'clarifying' }],
    ['after clarifying: the first phase', clarified, { kind: 'answer', step: 'requirements' }],
    ['an answer in: decide on a probe', [...clarified, entry({ step: 'requirements', kind: 'answer' })], { kind: 'probe', step: 'requirements' }],
    [
      'a probe asked: wait for the reply',
      [...clarified, entry({ step: 'requirements', kind: 'answer' }), entry({ step: 'requirements', kind: 'probe', text: 'Why?' })],
      { kind: 'reply', step: 'requirements', question: 'Why?' },
    ],
    [
      'the step ended: the next phase',
      [...clarified, entry({ step: 'requirements', kind: 'answer' }), entry({ step: 'requirements', kind: 'step-end' })],
      { kind: 'answer', step: 'metrics' },
    ],
  ])('%s', (_name, entries, expected) => {
    expect(nextAction(plan, entries)).toEqual(expected);
  });

  it('finishes when every step ended', () => {
    const ended = plan.map((s) => entry({ step: s.step, kind: 'step-end' }));
    expect(nextAction(plan, ended)).toEqual({ kind: 'finish' });
  });

  it('a practice plan has only its phase', () => {
    const p = practicePlan('serving', 10);
    expect(nextAction(p, [])).toEqual({ kind: 'answer', step: 'serving' });
    expect(nextAction(p, [entry({ step: 'serving', kind: 'step-end' })])).toEqual({ kind: 'finish' });
  });

  it.each<[string, Entry[], number]>([
    ['a new session has the whole round', [], planTotalMs(plan)],
    ['finished steps cost what they took, not their budgets', [
      entry({ step: 'clarifying', kind: 'question', elapsedMs: 20_000 }),
      entry({ step: 'clarifying', kind: 'step-end', elapsedMs: 20_000 }),
      entry({ step: 'requirements', kind: 'answer', elapsedMs: 5_000 }),
      entry({ step: 'requirements', kind: 'step-end', elapsedMs: 5_000 }),
    ], planTotalMs(plan) - 25_000],
    ['the interrupted step is not charged: it starts again', [
      entry({ step: 'clarifying', kind: 'step-end', elapsedMs: 30_000 }),
      entry({ step: 'requirements', kind: 'answer', elapsedMs: 50_000 }),
    ], planTotalMs(plan) - 30_000],
    ['a round overrun earlier still gets a minute', plan.slice(0, 6).map((s) => entry({ step: s.step, kind: 'step-end', elapsedMs: 3_600_000 })), 60_000],
  ])('resume: the round has its length less the finished steps: %s', (_name, entries, totalMs) => {
    expect(resumedTotalMs(plan, entries, nextAction(plan, entries))).toBe(totalMs);
  });

  it('resume: the remaining plan starts at the current step', () => {
    const action = nextAction(plan, [...clarified, entry({ step: 'requirements', kind: 'step-end' })]);
    expect(remainingPlan(plan, action).map((s) => s.step)).toEqual(['metrics', 'data', 'models', 'serving', 'monitoring']);
  });
});

describe('what gets graded and reported', () => {
  const entries: Entry[] = [
    ...clarified,
    entry({ step: 'requirements', kind: 'answer', text: 'Recommend videos.', elapsedMs: 40_000 }),
    entry({ step: 'requirements', kind: 'probe', text: 'Why?', elapsedMs: 41_000 }),
    entry({ step: 'requirements', kind: 'reply', text: 'Watch time.', elapsedMs: 90_000 }),
    entry({ step: 'requirements', kind: 'step-end', text: '', elapsedMs: 90_000 }),
    entry({ step: 'metrics', kind: 'answer', text: '   ', elapsedMs: 5_000 }),
  ];

  it('joins each answer with its follow-up reply and skips empty ones', () => {
    expect(answerSections(entries)).toEqual([{ phase: 'requirements', text: 'Recommend videos.\n\nWatch time.' }]);
  });

  it('lists each matched fact once', () => {
    expect(askedFacts(entries)).toEqual(['daily-users']);
  });

  it('reads every fact of a question that asked about two (stored comma-joined), and single ids as before', () => {
    const two = [
      entry({ step: 'clarifying', kind: 'question', text: 'DAU, and the latency budget?', factId: 'latency,daily-users' }),
      ...clarified,
    ];
    expect(askedFacts(two)).toEqual(['latency', 'daily-users']);
  });

  it('reports time per step against budget, with overruns', () => {
    const times = timeSpent(plan, entries);
    const requirements = times.find((t) => t.step === 'requirements')!;
    expect(requirements.spentMs).toBe(90_000);
    expect(requirements.overrunMs).toBe(90_000 - requirements.budgetMs);
    expect(times.find((t) => t.step === 'models')).toMatchObject({ spentMs: null, overrunMs: 0 });
  });
});

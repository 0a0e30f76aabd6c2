import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { interview } from '../../src/commands/interview.js';
import { practice } from '../../src/commands/practice.js';
import { resume } from '../../src/commands/resume.js';
import type { Content } from '../../src/content/load.js';
import type { GivenEdges } from '../../src/context.js';
import { InterruptedError } from '../../src/errors.js';
import type { Asker, TextRequest, TextResult } from '../../src/interview/asker.js';
import { openHistory } from '../../src/store/history.js';
import { testContext } from '../helpers/context.js';
import { fakeGrader, tinyContent, tinyPrompt } from './fake-content.js';

/** Replies in order; anything not scripted ends the input (an empty answer). */
function asker(replies: TextResult[], choice = 'tiny-recs'): Asker & { asked: number; lists: string[][] } {
  const a = {
    asked: 0,
    lists: [] as string[][],
    async choose(_message: string, choices: readonly { value: string }[]) {
      a.lists.push(choices.map((c) => c.value));
      return choice;
    },
    async text(req: TextRequest): Promise<TextResult> {
      a.asked++;
      return replies.shift() ?? (req.multiline ? { kind: 'done', text: '' } : { kind: 'end' });
    },
    async editor(initial: string) {
      return initial;
    },
  };
  return a;
}

/** A terminal user whose clock moves a second per reading, with the two-prompt content and a fake grader. */
function interactiveCtx(db: string, given: Partial<GivenEdges> = {}) {
  let t = Date.UTC(2026, 10, 26, 12);
  return testContext({ now: () => (t += 1000), env: { MLSD_HOME: join(db, '..') }, interactive: true, content, grader: fakeGrader(), ...given });
}

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'mlsd-int-')), 'coach.db');

/** A second prompt whose rubric leans on serving, for --weakest. */
const servingHeavy = {
  ...tinyPrompt,
  id: 'serving-heavy',
  title: 'Serving heavy',
  rubric: { criteria: tinyPrompt.rubric.criteria.map((c) => (c.phase === 'serving' ? { ...c, weight: 5 } : c)) },
};
const content: Content = { ...tinyContent, prompts: [tinyPrompt, servingHeavy] };

describe('interactive commands with a scripted terminal', () => {
  it('interview: statement, plan, the round, the report; the session is saved completed', async () => {
    const db = tempDb();
    const ask = asker([{ kind: 'done', text: 'How many users?' }, { kind: 'end' }, { kind: 'done', text: 'Maximise watch time.' }]);
    const { ctx, text } = interactiveCtx(db, { asker: ask });
    await interview({ id: 'tiny-recs', minutes: 10, level: 'senior', timer: true, db }, ctx);
    const out = text();
    expect(out).toContain('Design a recommender');
    expect(out).toContain('The plan: 10 minutes');
    expect(out).toContain('Interviewer: 50 million');
    expect(out).toContain('Time per step');
    expect(out).toMatch(/Next drill: mlsd practice tiny-recs --phase \w+/);
    expect(out).toContain('Saved as session 1');
    const h = openHistory(db, {});
    expect(h.sessions.get(1)).toMatchObject({ status: 'completed', mode: 'interview', minutes: 10 });
    h.db.close();
  });

  it('interview --weakest picks the prompt that drills the weakest phase in history', async () => {
    const db = tempDb();
    // Every phase answered with the right words except serving: serving becomes the weakest phase.
    const words = ['watch time', 'a/b test', 'labels', 'candidates and cold start', 'nothing', 'drift'];
    const replies: TextResult[] = [{ kind: 'end' }, ...words.map((text) => ({ kind: 'done' as const, text }))];
    const first = interactiveCtx(db, { asker: asker(replies) });
    await interview({ id: 'tiny-recs', minutes: 10, level: 'senior', timer: true, db }, first.ctx);

    const second = interactiveCtx(db, { asker: asker([]) });
    await interview({ weakest: true, minutes: 10, level: 'senior', timer: true, db }, second.ctx);
    expect(second.text().replace(/\s+/g, ' ')).toContain('Your weakest phase is serving (avg 0): this round is serving-heavy, the prompt that weighs it most. To drill only that phase: mlsd practice serving-heavy --phase serving');
    const h = openHistory(db, {});
    expect(h.sessions.get(2)?.promptId).toBe('serving-heavy');
    h.db.close();
  });

  it('interview --weakest with no history says so and falls back to the list', async () => {
    const db = tempDb();
    const ask = asker([], 'serving-heavy');
    const { ctx, text } = interactiveCtx(db, { asker: ask });
    await interview({ weakest: true, minutes: 10, level: 'senior', timer: true, db }, ctx);
    expect(ask.lists).toEqual([['tiny-recs', 'serving-heavy']]);
    expect(text()).toContain('No graded sessions yet, so there is no weakest phase to drill; choose a prompt instead.');
  });

  it('interview --random takes the prompt the random draw lands on, without showing the list', async () => {
    const db = tempDb();
    const draw = vi.spyOn(Math, 'random').mockReturnValue(0.99);
    const ask = asker([]);
    const { ctx } = interactiveCtx(db, { asker: ask });
    try {
      await interview({ random: true, minutes: 10, level: 'senior', timer: true, db }, ctx);
    } finally {
      draw.mockRestore();
    }
    expect(ask.lists).toEqual([]);
    const h = openHistory(db, {});
    expect(h.sessions.get(1)?.promptId).toBe('serving-heavy');
    h.db.close();
  });

  it('practice: one phase, saved with mode practice, graded on that phase only', async () => {
    const db = tempDb();
    const grader = fakeGrader();
    const { ctx, text } = interactiveCtx(db, { grader, asker: asker([{ kind: 'done', text: 'ANN index.' }]) });
    await practice({ id: 'tiny-recs', phase: 'serving', minutes: 5, level: 'senior', timer: true, db }, ctx);
    expect(grader.calls.at(-1)!.phases).toEqual(['serving']);
    expect(text()).toContain('Next drill: mlsd practice tiny-recs --phase serving');
    expect(text()).toContain('What the interviewer would tell you');
    expect(text()).toMatch(/Daily active users: 50 million/);
    const h = openHistory(db, {});
    expect(h.sessions.get(1)).toMatchObject({ mode: 'practice', status: 'completed' });
    h.db.close();
  });

  it('resume: continues the latest in-progress session; a completed one is refused with a pointer to review', async () => {
    const db = tempDb();
    const stop = asker([{ kind: 'end' }, { kind: 'interrupted', text: 'Maximise' }]);
    const first = interactiveCtx(db, { asker: stop });
    await expect(interview({ id: 'tiny-recs', minutes: 10, level: 'senior', timer: true, db }, first.ctx)).rejects.toBeInstanceOf(InterruptedError);

    let initial: string | undefined;
    const go: Asker = {
      async text(req) {
        initial ??= req.initial;
        return { kind: 'done', text: `${req.initial ?? ''} watch time.` };
      },
      async editor(i) {
        return i;
      },
      choose: async () => 'tiny-recs',
    };
    const second = interactiveCtx(db, { asker: go });
    await resume({ db }, second.ctx);
    expect(initial).toBe('Maximise');
    expect(second.text()).toContain('Resuming session 1');
    expect(second.text()).toContain("Picking up at requirements; this step's clock starts again, the round keeps the time left when you stopped.");

    const third = interactiveCtx(db, { asker: go });
    await expect(resume({ id: '1', db }, third.ctx)).rejects.toThrow(/session 1 is completed/);
    await expect(resume({ db }, third.ctx)).rejects.toThrow(/no session is in progress/);
  });

  it('resume of a round without a clock does not mention one', async () => {
    const db = tempDb();
    const stop = asker([{ kind: 'end' }, { kind: 'interrupted', text: 'Maximise' }]);
    await expect(
      interview({ id: 'tiny-recs', minutes: 10, level: 'senior', timer: false, db }, interactiveCtx(db, { asker: stop }).ctx),
    ).rejects.toBeInstanceOf(InterruptedError);
    const again = interactiveCtx(db, { asker: asker([]) });
    await resume({ db }, again.ctx);
    expect(again.text()).toContain('Picking up at requirements.\n');
    expect(again.text()).not.toContain('clock');
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { drill, type DrillOptions } from '../../src/commands/drill.js';
import { history } from '../../src/commands/history.js';
import { interview } from '../../src/commands/interview.js';
import { practice } from '../../src/commands/practice.js';
import { score } from '../../src/commands/score.js';
import type { Content } from '../../src/content/load.js';
import { EXIT, InterruptedError, UserError } from '../../src/errors.js';
import type { Grader } from '../../src/grading/index.js';
import type { Asker, TextRequest, TextResult } from '../../src/interview/asker.js';
import { runMain, testContext } from '../helpers/context.js';
import { shippedContent, shippedGrader } from '../helpers/shipped.js';
import { inHistory } from '../helpers/history.js';
import { tempDir } from '../helpers/temp.js';

const DAY = 86_400_000;
const day0 = Date.UTC(2026, 10, 26, 12);
const answers = join(import.meta.dirname, '..', 'fixtures', 'answers', 'video-recommendations');

let content: Content;
let grader: Grader;
beforeAll(async () => {
  content = shippedContent();
  grader = await shippedGrader();
});

/** A context on `dir` as its MLSD_HOME at a fixed time, with the real content and grader loaded once. */
const at = (dir: string, now: number, more: { interactive?: boolean; asker?: Asker } = {}) =>
  testContext({ env: { MLSD_HOME: dir }, now: () => now, content, grader, ...more });

const drillOptions = (more: Partial<DrillOptions> = {}): DrillOptions => ({ limit: 5, ...more });

/** Saves a graded answer the way `mlsd score … --save` does; returns its JSON. */
async function saveScore(dir: string, now: number, file = 'mid.md'): Promise<{ sessionId: number; criteria: Array<{ id: string; met: boolean }> }> {
  const t = at(dir, now);
  await score({ id: 'video-recommendations', answer: join(answers, file), json: true, save: true }, t.ctx);
  return JSON.parse(t.text());
}

describe('cards from graded answers', () => {
  it('score --save keeps the answer as a session of mode score, and every drillable criterion it missed becomes a card due the next day', async () => {
    const dir = tempDir();
    const saved = await saveScore(dir, day0);
    expect(saved.sessionId).toBe(1);
    const missed = saved.criteria.filter((c) => !c.met && c.id !== 'asked-key-facts').map((c) => c.id).sort();
    expect(missed.length).toBeGreaterThan(3);
    inHistory(dir, (h) => {
      expect(h.sessions.get(1)).toMatchObject({ mode: 'score', status: 'completed', promptId: 'video-recommendations' });
      expect(h.sessions.entries(1).length).toBeGreaterThan(0);
      const cards = h.cards.all();
      expect(cards.map((c) => c.itemId).sort()).toEqual(missed);
      expect(new Set(cards.map((c) => c.memory.due))).toEqual(new Set([day0 + DAY]));
      expect(h.cards.reviewsSince(0).every((r) => r.source === 'score' && r.sessionId === 1 && r.rating === 'again' && r.first)).toBe(true);
    });
  });

  it('a later full round reviews the cards: a criterion met again is recalled, one missed again fails its review', async () => {
    const dir = tempDir();
    const first = await saveScore(dir, day0, 'weak.md');
    const second = await saveScore(dir, day0 + 3 * DAY, 'senior.md');
    const missedFirst = new Set(first.criteria.filter((c) => !c.met).map((c) => c.id));
    const metNow = second.criteria.filter((c) => c.met && missedFirst.has(c.id)).map((c) => c.id);
    const missedAgain = second.criteria.filter((c) => !c.met && missedFirst.has(c.id) && c.id !== 'asked-key-facts').map((c) => c.id);
    expect(metNow.length).toBeGreaterThan(0);
    expect(missedAgain.length).toBeGreaterThan(0);
    inHistory(dir, (h) => {
      const later = h.cards.reviewsSince(day0 + DAY).filter((r) => r.sessionId === 2);
      const byId = new Map(h.cards.all().map((c) => [c.id, c.itemId]));
      expect(later.filter((r) => r.rating === 'good').map((r) => byId.get(r.cardId)).sort()).toEqual([...metNow].sort());
      expect(later.filter((r) => r.rating === 'again' && !r.first).map((r) => byId.get(r.cardId)).sort()).toEqual([...missedAgain].sort());
      const recalled = h.cards.get({ promptId: 'video-recommendations', kind: 'criterion', itemId: metNow[0]! })!;
      expect(recalled.memory.due).toBeGreaterThan(day0 + 4 * DAY);
    });
  });

  it('a practice drill makes cards of its phase\'s misses only, and what it meets is no review', async () => {
    const dir = tempDir();
    await saveScore(dir, day0, 'weak.md');
    const before = inHistory(dir, (h) => h.cards.reviewsSince(0).length);
    const t = at(dir, day0 + DAY);
    await practice({ id: 'video-recommendations', phase: 'metrics', minutes: 10, level: 'senior', timer: false, answers: join(answers, 'senior.md'), json: true }, t.ctx);
    const grade = JSON.parse(t.text()) as { sessionId: number; criteria: Array<{ id: string; phase: string; met: boolean }> };
    inHistory(dir, (h) => {
      const fromPractice = h.cards.reviewsSince(0).slice(before);
      expect(fromPractice.every((r) => r.source === 'practice' && r.rating === 'again')).toBe(true);
      const phases = new Set(grade.criteria.filter((c) => !c.met).map((c) => c.phase));
      expect([...phases]).toEqual(['metrics']);
      expect(fromPractice.length).toBe(grade.criteria.filter((c) => !c.met).length);
    });
  });

  it('score --db without --save is a usage error', async () => {
    const t = at(tempDir(), day0);
    await expect(score({ id: 'video-recommendations', answer: join(answers, 'mid.md'), db: 'x.db' }, t.ctx)).rejects.toMatchObject({
      code: EXIT.usage, message: expect.stringMatching(/--db only applies with --save/),
    });
  });

  it('history and the saved report end with one line on what is due', async () => {
    const dir = tempDir();
    const t = at(dir, day0);
    await score({ id: 'video-recommendations', answer: join(answers, 'mid.md'), save: true }, t.ctx);
    expect(t.text().trimEnd().split('\n').slice(-2).join(' ')).toMatch(/missed criteria became cards for spaced practice, first due tomorrow — `mlsd drill` then$/);
    const h = at(dir, day0 + 2 * DAY);
    await history({}, h.ctx);
    expect(h.text().trimEnd()).toMatch(/\d+ cards due today — `mlsd drill`$/);
  });
});

describe('mlsd drill', () => {
  it('with no cards says where cards come from; with none due, when the next one is', async () => {
    const dir = tempDir();
    const empty = at(dir, day0);
    await drill(drillOptions(), empty.ctx);
    expect(empty.text()).toMatch(/^No cards yet\. Cards come from the criteria you miss/);
    await saveScore(dir, day0);
    const early = at(dir, day0);
    await drill(drillOptions(), early.ctx);
    expect(early.text()).toBe('Nothing due today. The next card is due tomorrow.\n');
    const filtered = at(dir, day0);
    await drill(drillOptions({ phase: 'serving', prompt: 'video-recommendations' }), filtered.ctx);
    expect(filtered.text()).toMatch(/^Nothing due today for video-recommendations in serving\. The next card is due tomorrow\.\n$/);
  });

  it('without a terminal points to --answers when cards are due', async () => {
    const dir = tempDir();
    await saveScore(dir, day0);
    const t = at(dir, day0 + DAY);
    const err = await drill(drillOptions(), t.ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toMatch(/needs a terminal/);
    expect((err as UserError).hint).toMatch(/--answers <file>/);
  });

  it('through main, without a terminal: one error line pointing to --answers, exit 1', async () => {
    const dir = tempDir();
    await saveScore(dir, day0 - 2 * DAY);
    const r = await runMain({ args: ['drill'], env: { MLSD_HOME: dir } });
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(/^error: `mlsd drill` asks questions and needs a terminal/);
    expect(r.stderr).toMatch(/--answers <file>/);
  });

  it('--status --json gives the contract shape', async () => {
    const dir = tempDir();
    await saveScore(dir, day0);
    const cards = inHistory(dir, (h) => h.cards.all().length);
    const t = at(dir, day0 + DAY);
    await drill(drillOptions({ status: true, json: true }), t.ctx);
    const status = JSON.parse(t.text());
    expect(Object.keys(status)).toEqual(['dueNow', 'dueThisWeek', 'learning', 'learned', 'recall30d', 'upcoming']);
    expect(status).toMatchObject({ dueNow: cards, dueThisWeek: cards, learning: cards, learned: 0, recall30d: null });
    expect(status.upcoming).toHaveLength(14);
    expect(status.upcoming[0]).toEqual({ date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/), count: cards });
    const human = at(dir, day0 + DAY);
    await drill(drillOptions({ status: true }), human.ctx);
    expect(human.text()).toMatch(new RegExp(`Due today +${cards}`));
    expect(human.text()).toContain('Upcoming reviews');
    expect(human.text()).toContain('vr-qps-estimate');
  });

  it('--answers refuses a heading that names no card, and a card answered twice', async () => {
    const dir = tempDir();
    await saveScore(dir, day0);
    const file = join(dir, 'answers.md');
    writeFileSync(file, '## no-such-criterion\nSomething.\n');
    await expect(drill(drillOptions({ answers: file }), at(dir, day0 + DAY).ctx)).rejects.toThrow(/"no-such-criterion" names no card/);
    writeFileSync(file, '## vr-qps-estimate\nOne.\n## video-recommendations vr-qps-estimate\nTwo.\n');
    await expect(drill(drillOptions({ answers: file }), at(dir, day0 + DAY).ctx)).rejects.toThrow(/twice/);
    expect(inHistory(dir, (h) => h.cards.reviewsSince(day0 + 1).length)).toBe(0);
  });
});

/** Replies in order; the request each was asked with is kept. */
function scripted(replies: TextResult[]): Asker & { requests: TextRequest[] } {
  const requests: TextRequest[] = [];
  return {
    requests,
    async choose() {
      throw new Error('no list in a drill');
    },
    async text(request) {
      requests.push(request);
      const next = replies.shift();
      if (!next) throw new Error('asked more than scripted');
      return next;
    },
    async editor(initial) {
      return `${initial} 200 million daily users times ten feed opens is 2 billion requests a day, about 23,000 requests per second, 70k at peak.`;
    },
  };
}

describe('mlsd drill at a terminal', () => {
  it('asks each due card, grades it alone, shows evidence or what was missing and the strong answer, and reschedules it', async () => {
    const dir = tempDir();
    await saveScore(dir, day0);
    const ask = scripted([
      { kind: 'editor', text: 'Peak load:' },
      { kind: 'done', text: 'I would look at it later.' },
    ]);
    const t = at(dir, day0 + DAY, { interactive: true, asker: ask });
    await drill(drillOptions({ limit: 2, prompt: 'video-recommendations', phase: 'requirements' }), t.ctx);
    const out = t.text();
    expect(ask.requests.every((r) => r.multiline)).toBe(true);
    expect(out).toContain('card 1 of 2');
    expect(out).toMatch(/Interviewer: /);
    expect(out).toMatch(/✗ Missing: /);
    expect(out.match(/A strong answer: /g)).toHaveLength(2);
    expect(out).toMatch(/Rated again · next review tomorrow/);
    expect(out).toMatch(/\d of 2 recalled\./);
    inHistory(dir, (h) => {
      const drilled = h.cards.reviewsSince(day0 + 1).filter((r) => r.source === 'drill');
      expect(drilled).toHaveLength(2);
      expect(drilled[0]!.answer).toMatch(/^Peak load: 200 million/);
      expect(drilled[1]).toMatchObject({ answer: 'I would look at it later.', rating: 'again', met: false });
    });
  });

  it('Ctrl-C keeps the answers given so far, leaves the rest due, and exits 130', async () => {
    const dir = tempDir();
    await saveScore(dir, day0);
    const ask = scripted([{ kind: 'done', text: 'No idea, sorry.' }, { kind: 'interrupted', text: 'half a tho' }]);
    const t = at(dir, day0 + DAY, { interactive: true, asker: ask });
    const err = await drill(drillOptions(), t.ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InterruptedError);
    expect((err as InterruptedError).code).toBe(EXIT.interrupted);
    expect((err as InterruptedError).message).toMatch(/your answer is saved/);
    inHistory(dir, (h) => {
      const drilled = h.cards.reviewsSince(day0 + 1);
      expect(drilled.map((r) => r.answer)).toEqual(['No idea, sorry.']);
      expect(h.cards.dueBy(day0 + DAY + 1).length).toBe(h.cards.all().length - 1);
    });
  });
});

describe('cards from interviews', () => {
  /** A candidate who asks nothing and answers each phase with one weak line; `late` is a Ctrl-C that lands while the round is graded. */
  function candidate(late?: 'SIGINT'): Asker {
    let signal = late;
    return {
      async choose() {
        return 'video-recommendations';
      },
      async text(request) {
        return request.multiline ? { kind: 'done', text: 'We would use a model for this.' } : { kind: 'end' };
      },
      async editor(initial) {
        return initial;
      },
      async pendingSignal() {
        const s = signal;
        signal = undefined;
        return s;
      },
    };
  }

  it('a live round makes cards of its misses and its report ends with the due line', async () => {
    const dir = tempDir();
    const t = at(dir, day0, { interactive: true, asker: candidate() });
    await interview({ id: 'video-recommendations', minutes: 45, level: 'senior', timer: false, db: undefined }, t.ctx);
    expect(t.text().trimEnd().split('\n').slice(-2).join(' ')).toMatch(/missed criteria became cards for spaced practice, first due tomorrow/);
    inHistory(dir, (h) => {
      const reviews = h.cards.reviewsSince(0);
      expect(reviews.length).toBeGreaterThan(10);
      expect(reviews.every((r) => r.source === 'interview' && r.sessionId === 1)).toBe(true);
    });
  });

  it('a Ctrl-C that lands while the round is graded still leaves its cards (the round is saved)', async () => {
    const dir = tempDir();
    const t = at(dir, day0, { interactive: true, asker: candidate('SIGINT') });
    const err = await interview({ id: 'video-recommendations', minutes: 45, level: 'senior', timer: false, db: undefined }, t.ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InterruptedError);
    inHistory(dir, (h) => {
      expect(h.sessions.get(1)?.status).toBe('completed');
      expect(h.cards.all().length).toBeGreaterThan(10);
    });
  });

  it('interview --answers saves the round and its cards together, and says what is due', async () => {
    const dir = tempDir();
    const t = at(dir, day0);
    await interview({ id: 'video-recommendations', minutes: 45, level: 'senior', timer: false, answers: join(answers, 'mid.md') }, t.ctx);
    expect(t.text().trimEnd().split('\n').slice(-2).join(' ')).toMatch(/became cards for spaced practice/);
    expect(inHistory(dir, (h) => h.cards.reviewsSince(0).every((r) => r.source === 'interview'))).toBe(true);
  });
});

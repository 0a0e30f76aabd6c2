import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { missedOutcomes } from '../../src/drill/cards.js';
import { openHistory } from '../../src/store/history.js';
import { runCli, type Terminal } from '../helpers/cli.js';
import { runMain } from '../helpers/context.js';
import { tempDir } from '../helpers/temp.js';

// These run the built CLI (`npm run build`), against the real clock: the cards are made two days ago.
const DAY = 86_400_000;
const CARDS = ['vr-qps-estimate', 'guardrail-metric', 'vr-satisfaction-objective'];

const terminals: Terminal[] = [];
afterEach(() => {
  for (const t of terminals.splice(0)) t.kill();
});

/** A history whose three cards were made from misses two days ago, so all are due now. */
function seeded(): { MLSD_HOME: string; TZ: string; db: string; dir: string } {
  const dir = tempDir();
  const db = join(dir, 'coach.db');
  const h = openHistory(db, {});
  try {
    h.cards.recordRound('video-recommendations', missedOutcomes('criterion', CARDS), { at: Date.now() - 2 * DAY, source: 'score' });
  } finally {
    h.db.close();
  }
  return { MLSD_HOME: dir, TZ: 'UTC', db, dir };
}

function drillReviews(db: string): Array<{ item_id: string; rating: number; answer: string }> {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(`SELECT c.item_id, r.rating, r.answer FROM reviews r JOIN cards c ON c.id = r.card_id WHERE r.source = 'drill' ORDER BY r.id`).all() as never;
  } finally {
    d.close();
  }
}

describe('mlsd drill --answers (spawned)', () => {
  it('rates each answered card without a terminal and prints the contract JSON', async () => {
    const env = seeded();
    const file = join(env.dir, 'answers.md');
    writeFileSync(file, [
      '## vr-qps-estimate',
      '200 million daily users open the feed ten times a day: 2 billion requests a day, about 23,000 requests per second on average and 3x that at peak, so we size serving for 70k QPS.',
      '',
      '## Your experiment lifts the primary metric by 3%. Which other numbers do you look at before shipping, and which movement in them would stop the launch?',
      'I would ship it.',
      '',
    ].join('\n'));
    const r = (await runCli({ args: ['drill', '--answers', file, '--json', '--db', env.db], env: env }));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { cards: Array<Record<string, unknown>> };
    expect(out.cards.map((c) => Object.keys(c))).toEqual(Array(2).fill(['promptId', 'criterion', 'question', 'met', 'evidence', 'rating', 'nextDue', 'kind']));
    const [qps, guard] = out.cards;
    expect(qps).toMatchObject({ promptId: 'video-recommendations', criterion: 'vr-qps-estimate', met: true, evidence: expect.stringContaining('23,000 requests per second') });
    expect(['good', 'easy']).toContain(qps!.rating);
    expect(guard).toMatchObject({ criterion: 'guardrail-metric', met: false, evidence: null, rating: 'again' });
    expect(guard!.question).toMatch(/^Your experiment lifts the primary metric/);
    const tomorrow = new Date(Date.now() + DAY).toISOString().slice(0, 10);
    expect(String(guard!.nextDue).slice(0, 10)).toBe(tomorrow);
    expect(Date.parse(String(qps!.nextDue))).toBeGreaterThan(Date.parse(String(guard!.nextDue)));
    expect(drillReviews(env.db).map((x) => x.item_id)).toEqual(['vr-qps-estimate', 'guardrail-metric']);
    // The third card was not answered: it is still due.
    expect(JSON.parse((await runMain({ args: ['drill', '--status', '--json', '--db', env.db], env, now: Date.now })).stdout).dueNow).toBe(1);
  }, 60_000);

});

describe('mlsd drill in a terminal', () => {
  it('asks the due cards one by one, and Ctrl-C keeps what was answered and exits 130', async () => {
    const env = seeded();
    const t = runCli({ args: ['drill', '--db', env.db], env, tty: true });
    terminals.push(t);
    await t.waitFor('card 1 of 3');
    await t.waitFor('Interviewer:');
    await t.waitFor('› ');
    t.answer('No idea, I would skip it.');
    await t.waitFor('A strong answer:');
    await t.waitFor(/Rated again · next review tomorrow/);
    await t.waitFor('card 2 of 3');
    await t.waitFor('› ');
    t.type('half an ans');
    await t.waitFor('half an ans');
    t.type('\x03');
    expect(await t.exited).toBe(130);
    expect(t.screen).toMatch(/Interrupted; your answer is saved\. The cards not answered stay due/);
    const reviews = drillReviews(env.db);
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ rating: 1, answer: 'No idea, I would skip it.' });
    expect(JSON.parse((await runMain({ args: ['drill', '--status', '--json', '--db', env.db], env, now: Date.now })).stdout).dueNow).toBe(2);
  }, 60_000);
});

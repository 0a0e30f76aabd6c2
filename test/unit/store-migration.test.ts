import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findPrompt } from '../../src/content/load.js';
import { parseAnswerMarkdown } from '../../src/grading/index.js';
import { interviewPlan, practicePlan } from '../../src/interview/plan.js';
import { cardStore } from '../../src/store/cards.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { migrate, openStore, type Db } from '../../src/store/open.js';
import { sessionStore } from '../../src/store/sessions.js';
import { shippedContent, shippedGrader } from '../helpers/shipped.js';

const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const fixture = join(import.meta.dirname, '..', 'fixtures', 'answers', 'video-recommendations', 'senior.md');

/** Every row of a table as SQL literals (`quote()` keeps the storage class: 71 and 71.0 differ), in rowid order. */
function rows(db: Db, table: string): string[] {
  const columns = (db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => `quote(${c.name})`);
  return (db.prepare(`SELECT ${columns.join(` || '|' || `)} AS r FROM ${table} ORDER BY rowid`).all() as Array<{ r: string }>).map((x) => x.r);
}

/** A history as the release before cards wrote it (schema 2), with the kinds of sessions real use leaves. */
async function releaseHistory(file: string): Promise<void> {
  const content = shippedContent();
  const prompt = findPrompt(content, 'video-recommendations');
  const grader = await shippedGrader();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.slice(0, 2));
  const store = sessionStore(db);
  const t0 = Date.UTC(2026, 9, 1, 8, 30);
  const text = readFileSync(fixture, 'utf8');
  const sections = parseAnswerMarkdown(text);

  const done = store.create({ promptId: prompt.id, mode: 'interview', targetLevel: 'senior', minutes: 45, timer: true, plan: interviewPlan(prompt, 45), startedAt: t0 });
  store.addEntry(done.id, { step: 'clarifying', kind: 'question', text: 'How many daily users — and ünïcode? 🎬', factId: 'users', response: '200M daily users.', elapsedMs: 12_345, budgetMs: 270_000, at: t0 + 12_345 });
  for (const s of sections) {
    store.addEntry(done.id, { step: s.phase ?? 'other', kind: 'answer', text: s.text, factId: null, response: null, elapsedMs: 61_000, budgetMs: null, at: t0 + 61_000 });
  }
  store.finish(done.id, grader.grade(prompt, content.framework, { sections }), t0 + 2_700_000);

  const practice = store.create({ promptId: 'ads-click-prediction', mode: 'practice', targetLevel: 'staff', minutes: 10, timer: false, plan: practicePlan('metrics', 10), startedAt: t0 + 86_400_000 });
  store.addEntry(practice.id, { step: 'metrics', kind: 'answer', text: 'Log loss offline,\n\n\tcalibration too.', factId: null, response: null, elapsedMs: 0, budgetMs: 600_000, at: t0 + 86_400_000 });
  store.abandon(practice.id, t0 + 86_500_000);

  const open = store.create({ promptId: prompt.id, mode: 'interview', targetLevel: 'mid', minutes: 30, timer: true, plan: interviewPlan(prompt, 30), startedAt: t0 + 2 * 86_400_000 });
  store.saveDraft(open.id, { step: 'requirements', kind: 'answer', text: 'half a thought\u0007', savedAt: t0 + 2 * 86_400_000 + 5 });
  db.close();
}

describe('migration 3 (score sessions, cards and reviews)', () => {
  it('upgrades a history written by the current release in place, every session, answer and draft byte-identical', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlsd-test-'));
    dirs.push(dir);
    const file = join(dir, 'coach.db');
    await releaseHistory(file);
    const before = new Database(file, { readonly: true });
    const snapshot = Object.fromEntries(['sessions', 'entries', 'drafts'].map((t) => [t, rows(before, t)]));
    before.close();
    expect(snapshot.sessions).toHaveLength(3);
    expect(snapshot.entries!.length).toBeGreaterThan(5);

    const db = openStore(file);
    dbs.push(db);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(Object.fromEntries(['sessions', 'entries', 'drafts'].map((t) => [t, rows(db, t)]))).toEqual(snapshot);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');

    // The rebuilt sessions table is the one entries and drafts point at: deleting a session still takes its rows.
    db.prepare('DELETE FROM sessions WHERE id = 3').run();
    expect(db.prepare('SELECT count(*) AS n FROM drafts').get()).toEqual({ n: 0 });
    // It now takes a saved `score`, and cards hold their reviews.
    const sessions = sessionStore(db);
    const saved = sessions.create({ promptId: 'video-recommendations', mode: 'score', targetLevel: 'senior', minutes: 0, timer: false, plan: [], startedAt: 1 });
    expect(sessions.get(saved.id)?.mode).toBe('score');
    const card = cardStore(db).review({ promptId: 'video-recommendations', kind: 'criterion', itemId: 'vr-qps-estimate' }, { rating: 'again', met: false, at: 1, source: 'score', sessionId: saved.id });
    expect(card.memory.due).toBe(1 + 86_400_000);
    expect(() => db.prepare("INSERT INTO reviews (card_id, rating, at, source, met) VALUES (999, 1, 1, 'drill', 0)").run()).toThrow(/FOREIGN KEY/);
  });

  it('a failed migration leaves the database at its old version with its rows', () => {
    const db = new Database(':memory:');
    dbs.push(db);
    migrate(db, MIGRATIONS.slice(0, 2));
    db.prepare(`INSERT INTO sessions (prompt_id, mode, status, target_level, minutes, timer, plan, started_at)
      VALUES ('p', 'interview', 'completed', 'senior', 45, 1, '[]', 0)`).run();
    expect(() => migrate(db, [...MIGRATIONS.slice(0, 2), 'CREATE TABLE sessions (x)'])).toThrow(/already exists/);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(rows(db, 'sessions')).toHaveLength(1);
  });
});

import type { Level } from '../content/schema.js';
import type { Grade } from '../grading/types.js';
import type { Draft, Entry, EntryStep, Mode, PlanStep, Session, Status, StepId } from '../interview/types.js';
import type { Db } from './open.js';

interface SessionRow {
  id: number;
  prompt_id: string;
  mode: Mode;
  status: Status;
  target_level: Level;
  minutes: number;
  timer: number;
  plan: string;
  started_at: number;
  finished_at: number | null;
  total: number | null;
  level: Grade['level'] | null;
  grade: string | null;
}

interface EntryRow {
  step: EntryStep;
  kind: Entry['kind'];
  text: string;
  fact_id: string | null;
  response: string | null;
  elapsed_ms: number;
  budget_ms: number | null;
  at: number;
}

interface DraftRow {
  step: StepId;
  kind: Draft['kind'];
  text: string;
  saved_at: number;
}

const toSession = (r: SessionRow): Session => ({
  id: r.id,
  promptId: r.prompt_id,
  mode: r.mode,
  status: r.status,
  targetLevel: r.target_level,
  minutes: r.minutes,
  timer: r.timer === 1,
  plan: JSON.parse(r.plan) as PlanStep[],
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  total: r.total,
  level: r.level,
  grade: r.grade ? (JSON.parse(r.grade) as Grade) : null,
});

const toEntry = (r: EntryRow): Entry => ({
  step: r.step,
  kind: r.kind,
  text: r.text,
  factId: r.fact_id,
  response: r.response,
  elapsedMs: r.elapsed_ms,
  budgetMs: r.budget_ms,
  at: r.at,
});

export interface NewSession {
  promptId: string;
  mode: Mode;
  targetLevel: Level;
  minutes: number;
  timer: boolean;
  plan: PlanStep[];
  startedAt: number;
}

export type SessionStore = ReturnType<typeof sessionStore>;

/** Plain functions over one database; statements are prepared once. Every write commits on its own. */
export function sessionStore(db: Db) {
  const insertSession = db.prepare(
    `INSERT INTO sessions (prompt_id, mode, status, target_level, minutes, timer, plan, started_at)
     VALUES (@promptId, @mode, 'in-progress', @targetLevel, @minutes, @timer, @plan, @startedAt)`,
  );
  const insertEntry = db.prepare(
    `INSERT INTO entries (session_id, step, kind, text, fact_id, response, elapsed_ms, budget_ms, at)
     VALUES (@sessionId, @step, @kind, @text, @factId, @response, @elapsedMs, @budgetMs, @at)`,
  );
  const selectSession = db.prepare<[number], SessionRow>('SELECT * FROM sessions WHERE id = ?');
  const selectAll = db.prepare<[], SessionRow>('SELECT * FROM sessions ORDER BY started_at DESC, id DESC');
  const selectEntries = db.prepare<[number], EntryRow>('SELECT * FROM entries WHERE session_id = ? ORDER BY id');
  const upsertDraft = db.prepare(
    `INSERT INTO drafts (session_id, step, kind, text, saved_at) VALUES (@sessionId, @step, @kind, @text, @savedAt)
     ON CONFLICT (session_id) DO UPDATE SET step = excluded.step, kind = excluded.kind, text = excluded.text, saved_at = excluded.saved_at`,
  );
  const selectDraft = db.prepare<[number], DraftRow>('SELECT * FROM drafts WHERE session_id = ?');
  const deleteDraft = db.prepare('DELETE FROM drafts WHERE session_id = ?');
  const updateFinished = db.prepare(
    `UPDATE sessions SET status = 'completed', finished_at = @finishedAt, total = @total, level = @level, grade = @grade
     WHERE id = @id`,
  );
  const updateAbandoned = db.prepare(
    `UPDATE sessions SET status = 'abandoned', finished_at = @finishedAt WHERE id = @id AND status = 'in-progress'`,
  );
  // Drafts go with the session (ON DELETE CASCADE).
  const deleteEmpty = db.prepare(
    `DELETE FROM sessions WHERE id = @id AND status = 'in-progress'
       AND NOT EXISTS (SELECT 1 FROM entries WHERE session_id = @id)
       AND NOT EXISTS (SELECT 1 FROM drafts WHERE session_id = @id AND trim(text) <> '')`,
  );
  const latestInProgress = db.prepare<[], SessionRow>(
    `SELECT * FROM sessions WHERE status = 'in-progress' ORDER BY started_at DESC, id DESC LIMIT 1`,
  );

  const addEntry = db.transaction((sessionId: number, entry: Entry) => {
    insertEntry.run({ sessionId, ...entry });
    // Submitting text supersedes whatever draft was kept for it.
    if (entry.kind === 'answer' || entry.kind === 'reply' || entry.kind === 'question') deleteDraft.run(sessionId);
  });

  return {
    create(s: NewSession): Session {
      const { lastInsertRowid } = insertSession.run({ ...s, timer: s.timer ? 1 : 0, plan: JSON.stringify(s.plan) });
      return toSession(selectSession.get(Number(lastInsertRowid))!);
    },
    get(id: number): Session | undefined {
      const row = selectSession.get(id);
      return row && toSession(row);
    },
    /** Newest first. */
    list(filter: { promptId?: string } = {}): Session[] {
      return selectAll
        .all()
        .map(toSession)
        .filter((s) => !filter.promptId || s.promptId === filter.promptId);
    },
    latestInProgress(): Session | undefined {
      const row = latestInProgress.get();
      return row && toSession(row);
    },
    addEntry(sessionId: number, entry: Entry): void {
      addEntry(sessionId, entry);
    },
    entries(sessionId: number): Entry[] {
      return selectEntries.all(sessionId).map(toEntry);
    },
    saveDraft(sessionId: number, draft: Draft): void {
      upsertDraft.run({ sessionId, ...draft });
    },
    draft(sessionId: number): Draft | undefined {
      const row = selectDraft.get(sessionId);
      return row && { step: row.step, kind: row.kind, text: row.text, savedAt: row.saved_at };
    },
    clearDraft(sessionId: number): void {
      deleteDraft.run(sessionId);
    },
    finish(sessionId: number, grade: Grade, finishedAt: number): void {
      updateFinished.run({ id: sessionId, finishedAt, total: grade.total, level: grade.level, grade: JSON.stringify(grade) });
    },
    /** Deletes an in-progress session that holds nothing (no entry, no draft text); says whether it did. */
    removeIfEmpty(sessionId: number): boolean {
      return deleteEmpty.run({ id: sessionId }).changes > 0;
    },
    /** Closes an in-progress session without a grade; its entries and draft are kept. */
    abandon(sessionId: number, at: number): void {
      updateAbandoned.run({ id: sessionId, finishedAt: at });
    },
  };
}

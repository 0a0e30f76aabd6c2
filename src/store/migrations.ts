/**
 * Ordered schema migrations. Migration n brings the database to `PRAGMA user_version` n; each runs in one
 * transaction with its version bump. Append only: never edit a migration that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: sessions and everything submitted during them, in order.
  `
  CREATE TABLE sessions (
    id            INTEGER PRIMARY KEY,
    prompt_id     TEXT    NOT NULL,
    mode          TEXT    NOT NULL CHECK (mode IN ('interview', 'practice')),
    status        TEXT    NOT NULL CHECK (status IN ('in-progress', 'completed', 'abandoned')),
    target_level  TEXT    NOT NULL,
    minutes       INTEGER NOT NULL,
    timer         INTEGER NOT NULL,
    plan          TEXT    NOT NULL,
    started_at    INTEGER NOT NULL,
    finished_at   INTEGER,
    total         REAL,
    level         TEXT,
    grade         TEXT
  );
  CREATE INDEX sessions_started ON sessions (started_at);
  CREATE TABLE entries (
    id            INTEGER PRIMARY KEY,
    session_id    INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    step          TEXT    NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('question', 'answer', 'probe', 'reply', 'step-end')),
    text          TEXT    NOT NULL,
    fact_id       TEXT,
    response      TEXT,
    elapsed_ms    INTEGER NOT NULL,
    budget_ms     INTEGER,
    at            INTEGER NOT NULL
  );
  CREATE INDEX entries_session ON entries (session_id, id);
  `,
  // 2: the text being typed when the user pressed Ctrl-C, restored by \`mlsd resume\`.
  `
  CREATE TABLE drafts (
    session_id    INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
    step          TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    text          TEXT    NOT NULL,
    saved_at      INTEGER NOT NULL
  );
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

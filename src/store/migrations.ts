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
  // 3: sessions of mode 'score' (a graded answer saved with `mlsd score --save`), and spaced-practice cards with
  // their reviews. SQLite cannot widen a CHECK in place: sessions is rebuilt, every row copied as it was (run
  // with foreign keys off, so dropping the old table does not cascade to entries and drafts).
  `
  CREATE TABLE sessions_v3 (
    id            INTEGER PRIMARY KEY,
    prompt_id     TEXT    NOT NULL,
    mode          TEXT    NOT NULL CHECK (mode IN ('interview', 'practice', 'score')),
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
  INSERT INTO sessions_v3 (id, prompt_id, mode, status, target_level, minutes, timer, plan, started_at, finished_at, total, level, grade)
    SELECT id, prompt_id, mode, status, target_level, minutes, timer, plan, started_at, finished_at, total, level, grade FROM sessions;
  DROP TABLE sessions;
  ALTER TABLE sessions_v3 RENAME TO sessions;
  CREATE INDEX sessions_started ON sessions (started_at);
  CREATE TABLE cards (
    id              INTEGER PRIMARY KEY,
    prompt_id       TEXT    NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('criterion', 'pitfall')),
    item_id         TEXT    NOT NULL,
    fsrs_state      INTEGER NOT NULL,
    stability       REAL    NOT NULL,
    difficulty      REAL    NOT NULL,
    elapsed_days    INTEGER NOT NULL,
    scheduled_days  INTEGER NOT NULL,
    learning_steps  INTEGER NOT NULL,
    reps            INTEGER NOT NULL,
    lapses          INTEGER NOT NULL,
    last_review     INTEGER,
    due             INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    UNIQUE (prompt_id, kind, item_id)
  );
  CREATE INDEX cards_due ON cards (due);
  CREATE TABLE reviews (
    id            INTEGER PRIMARY KEY,
    card_id       INTEGER NOT NULL REFERENCES cards (id) ON DELETE CASCADE,
    rating        INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    at            INTEGER NOT NULL,
    source        TEXT    NOT NULL CHECK (source IN ('interview', 'practice', 'score', 'drill')),
    met           INTEGER NOT NULL,
    session_id    INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
    answer        TEXT
  );
  CREATE INDEX reviews_card ON reviews (card_id, id);
  CREATE INDEX reviews_at ON reviews (at);
  CREATE INDEX reviews_session ON reviews (session_id);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

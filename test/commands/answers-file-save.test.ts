import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interview } from '../../src/commands/interview.js';
import { practice } from '../../src/commands/practice.js';
import type { Grader } from '../../src/grading/index.js';
import { openStore } from '../../src/store/open.js';
import { testContext } from '../helpers/context.js';
import { fakeGrader, tinyContent } from '../helpers/fake-content.js';
import { tempDir } from '../helpers/temp.js';

function setup(answer: string, grader: Grader = fakeGrader()) {
  const dir = tempDir();
  const file = join(dir, 'answer.md');
  writeFileSync(file, answer);
  const { ctx } = testContext({ env: { MLSD_HOME: dir }, content: tinyContent, grader });
  return { db: join(dir, 'coach.db'), file, ctx };
}

function rows(db: string) {
  const store = openStore(db);
  try {
    const count = (table: string) => (store.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const status = store.prepare('SELECT group_concat(status) AS s FROM sessions').get() as { s: string | null };
    return { sessions: count('sessions'), entries: count('entries'), status: status.s };
  } finally {
    store.close();
  }
}

const answer = '## Requirements\n\nMaximise watch time.\n\n## Metrics\n\nAn A/B test. BOOM\n\n## Data\n\nLabels from watches.\n\n## Serving\n\nA cache.\n';

describe('a session graded from a file is saved whole or not at all', () => {
  it('a write failing between two entries leaves no session and no entry behind', async () => {
    const { db, file, ctx } = setup(answer);
    const store = openStore(db);
    // Stands in for a crash or a full disk after the first entry was written.
    store.exec(`CREATE TRIGGER fail_second BEFORE INSERT ON entries WHEN NEW.text LIKE '%BOOM%'
                BEGIN SELECT RAISE(ABORT, 'the disk gave up'); END`);
    store.close();
    await expect(
      interview({ id: 'tiny-recs', answers: file, json: true, db, minutes: 45, level: 'senior', timer: true }, ctx),
    ).rejects.toThrow(/the disk gave up/);
    expect(rows(db)).toEqual({ sessions: 0, entries: 0, status: null });
  });

  it('grading that fails leaves no in-progress session for `history` to offer', async () => {
    const broken: Grader = { ...fakeGrader(), grade: () => { throw new Error('grader bug'); } };
    const { db, file, ctx } = setup(answer.replace(' BOOM', ''), broken);
    await expect(
      practice({ id: 'tiny-recs', phase: 'metrics', answers: file, json: true, db, minutes: 10, level: 'senior', timer: true }, ctx),
    ).rejects.toThrow(/grader bug/);
    expect(rows(db)).toEqual({ sessions: 0, entries: 0, status: null });
  });

  it('a good file is saved as one completed session with every section', async () => {
    const { db, file, ctx } = setup(answer.replace(' BOOM', ''));
    await interview({ id: 'tiny-recs', answers: file, json: true, db, minutes: 45, level: 'senior', timer: true }, ctx);
    expect(rows(db)).toMatchObject({ sessions: 1, entries: 4, status: 'completed' });
  });
});

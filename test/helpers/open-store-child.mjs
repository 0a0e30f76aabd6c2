// Spawned by test/e2e/concurrency.test.ts: loads the built store, says "ready", and on the first line of
// stdin opens the history and saves one session, so many processes hit a database at the same instant.
import { openStore } from '../../dist/store/open.js';
import { sessionStore } from '../../dist/store/sessions.js';

const file = process.argv[2];
process.stdout.write('ready\n');
process.stdin.once('data', () => {
  process.stdin.destroy();
  try {
    const db = openStore(file);
    try {
      sessionStore(db).create({
        promptId: 'video-recommendations', mode: 'interview', targetLevel: 'senior', minutes: 45, timer: false, plan: [], startedAt: process.pid,
      });
    } finally {
      db.close();
    }
    process.stdout.write('saved\n');
  } catch (err) {
    process.stdout.write(`failed: ${err.message}\n`);
    process.exitCode = 1;
  }
});

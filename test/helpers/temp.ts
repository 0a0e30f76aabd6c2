import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/**
 * A new empty folder under the run's temp root, removed when the current test ends (made writable first, for
 * tests that take the rights away). Call it inside a test.
 */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-test-'));
  onTestFinished(() => {
    try {
      chmodSync(dir, 0o700);
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

export interface TempHome {
  /** The folder, given to mlsd as MLSD_HOME. */
  dir: string;
  /** `coach.db` in it, for `--db`; not created. */
  db: string;
  env: { MLSD_HOME: string };
}

/** An empty MLSD_HOME for the current test, removed when it ends. */
export function tempHome(): TempHome {
  const dir = tempDir();
  return { dir, db: join(dir, 'coach.db'), env: { MLSD_HOME: dir } };
}

import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every temp folder a test makes (its own, the editor's, a spawned mlsd's) goes under one folder for the run,
 * removed when the run ends: a test that forgets to clean up, or a process killed mid-test, leaves nothing
 * behind on the machine. Workers and spawned processes inherit TMPDIR, which os.tmpdir() reads.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'mlsd-test-run-'));
  // The same rights as /tmp itself: tests that run mlsd as another user (read-only histories) must reach it.
  chmodSync(root, 0o1777);
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}

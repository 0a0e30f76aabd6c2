import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// Runs the built dist/: `npm run build` first (npm test does).
const root = join(import.meta.dirname, '..', '..');
const planted = join(root, 'test', 'fixtures', 'redflags', 'payment-fraud-detection.md');

describe('mlsd score on an answer with planted mistakes (built CLI)', () => {
  let home: string;
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'mlsd-test-'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(root, 'bin', 'mlsd.js'), ...args], { encoding: 'utf8', env: { ...process.env, MLSD_HOME: home, NO_COLOR: '1', COLUMNS: '' } });

  it('prints redFlags and cap in --json', () => {
    const json = run('score', 'payment-fraud-detection', planted, '--json');
    expect(json.status).toBe(0);
    const grade = JSON.parse(json.stdout);
    expect(grade.cap).toBe('none');
    expect(grade.redFlags.map((f: { id: string }) => f.id)).toContain('accuracy-for-rare-class');
    for (const f of grade.redFlags) expect(Object.keys(f)).toEqual(expect.arrayContaining(['id', 'phase', 'severity', 'evidence', 'why', 'instead']));
    // The report of the same answer is checked in-process (test/commands/redflags.test.ts).
  });
});

import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the test run', () => {
  it('puts every temp folder under one folder of its own, removed when the run ends', () => {
    expect(basename(tmpdir())).toMatch(/^mlsd-test-run-/);
    // Spawned processes inherit it through the environment.
    expect(process.env.TMPDIR).toBe(tmpdir());
  });
});

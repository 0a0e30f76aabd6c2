import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// Runs the built dist/: `npm run build` first (npm test and npm run lint:content do).
const root = join(import.meta.dirname, '..', '..');
const script = join(root, 'scripts', 'lint-content.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('scripts/lint-content.mjs (npm run lint:content)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mlsd-test-'));
    cpSync(join(root, 'prompts'), join(dir, 'prompts'), { recursive: true });
    cpSync(join(root, 'data'), join(dir, 'data'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 and says what it checked when the content is sound', () => {
    const result = run('--prompts', join(dir, 'prompts'), '--data', join(dir, 'data'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^content ok: \d+ prompts, the framework and the vocabulary\n$/);
  });

  it('exits 1 with one line per problem naming the file and the field path, then a hint', () => {
    const file = join(dir, 'prompts', 'video-recommendations.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^difficulty: \w+$/m, 'difficulty: easy'));
    const result = run('--prompts', join(dir, 'prompts'), '--data', join(dir, 'data'));
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/video-recommendations\.yaml → difficulty: /);
    expect(lines.at(-1)).toBe('1 problem in the content: fix the fields named above.');
  });
});

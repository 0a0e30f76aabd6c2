import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/context.js';
import { tempDir } from '../helpers/temp.js';

const answers = join(import.meta.dirname, '..', 'fixtures', 'answers', 'video-recommendations');
const run = (args: string[]) => runMain({ args, env: { FORCE_COLOR: '' } });
const file = (dir: string, name: string, data: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};

describe('mlsd score', () => {
  it('prints the feedback report without colour under NO_COLOR', async () => {
    const r = await run(['score', 'video-recommendations', join(answers, 'senior.md')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stdout).toMatch(/^ video-recommendations · /);
    expect(r.stdout).toMatch(/Total \d+(\.\d)?\/100 · verdict: (mid|senior|staff)/);
    for (const phase of ['requirements', 'metrics', 'data', 'models', 'serving', 'monitoring']) {
      expect(r.stdout).toMatch(new RegExp(`^ ${phase} +[█░]{20} +\\d+`, 'm'));
    }
    expect(r.stdout).toMatch(/signals {2}structure \d+ · trade-offs \d+ · numbers \d+ · depth \d+/);
    expect(r.stdout).toContain('Strengths');
    expect(r.stdout).toMatch(/✓ .+\n {3}"/);
    expect(r.stdout).toMatch(/✗ .+\n( {3}seen: .+\n( {9}.+\n)*)? {3}why: /);
    expect(r.stdout).toMatch(/Work on first:\s+1\) [\s\S]+2\) [\s\S]+3\) /);
    expect(r.stdout).toMatch(/Next drill: mlsd practice video-recommendations --phase (requirements|metrics|data|models|serving|monitoring)/);
    expect(r.stdout.split('\n').every((line) => line.length <= 100)).toBe(true);
  });

  it('prints the contract JSON with --json, identical on every run', async () => {
    const r = await run(['score', 'video-recommendations', join(answers, 'mid.md'), '--json']);
    expect(r.status).toBe(0);
    const grade = JSON.parse(r.stdout);
    expect(grade).toMatchObject({ promptId: 'video-recommendations', level: expect.stringMatching(/^(none|mid|senior|staff)$/) });
    expect(grade.total).toBeGreaterThanOrEqual(0);
    expect(grade.total).toBeLessThanOrEqual(100);
    expect(grade.phases.map((p: { id: string }) => p.id)).toEqual(['requirements', 'metrics', 'data', 'models', 'serving', 'monitoring']);
    for (const p of grade.phases) expect(Object.keys(p)).toEqual(expect.arrayContaining(['id', 'score', 'covered', 'missed']));
    expect(Object.keys(grade.signals).sort()).toEqual(['depth', 'quantitative', 'structure', 'tradeoffs']);
    for (const c of grade.criteria) {
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['id', 'phase', 'met', 'evidence']));
      expect(c.met ? typeof c.evidence : c.evidence).toBe(c.met ? 'string' : null);
    }
    expect((await run(['score', 'video-recommendations', join(answers, 'mid.md'), '--json'])).stdout).toBe(r.stdout);
  });

  it.each([
    ['an unknown prompt id', () => ['score', 'video-recomendations', join(answers, 'mid.md')], /unknown prompt "video-recomendations"[\s\S]*video-recommendations/],
    ['a missing file', (dir: string) => ['score', 'video-recommendations', join(dir, 'missing.md')], /no such file/],
    ['a directory', (dir: string) => ['score', 'video-recommendations', dir], /is a directory/],
    ['an empty file', (dir: string) => ['score', 'video-recommendations', file(dir, 'empty.md', '')], /is empty/],
    ['a whitespace-only file', (dir: string) => ['score', 'video-recommendations', file(dir, 'blank.md', '\n  \n')], /is empty/],
    ['a binary file', (dir: string) => ['score', 'video-recommendations', file(dir, 'x.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a]))], /binary/],
    ['a file that is not UTF-8', (dir: string) => ['score', 'video-recommendations', file(dir, 'latin1.md', Buffer.from('caf\xe9 au lait', 'latin1'))], /not UTF-8/],
    ['a file over 1 MB', (dir: string) => ['score', 'video-recommendations', file(dir, 'big.md', '# A\n' + 'word '.repeat(220_000))], /over 1 MB/],
  ])('exits 1 with one clear line for %s', async (_name, args, message) => {
    const r = await run(args(tempDir()));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
  });

  it('exits 1 for empty stdin', async () => {
    const r = await runMain({ args: ['score', 'video-recommendations', '-'], input: '' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/stdin is empty/);
  });

  it('exits 2 for a bad --level', async () => {
    const r = await run(['score', 'video-recommendations', join(answers, 'mid.md'), '--level', 'principal']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--level must be one of mid, senior, staff/);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Terminal } from '../helpers/e2e-pty.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'mlsd.js');
const answers = join(import.meta.dirname, '..', 'fixtures', 'answers', 'video-recommendations');
const run = (args: string[], input?: string | Buffer) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' } });
const dir = mkdtempSync(join(tmpdir(), 'mlsd-score-'));
const file = (name: string, data: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};

describe('mlsd score', () => {
  it('prints the feedback report without colour under NO_COLOR', () => {
    const r = run(['score', 'video-recommendations', join(answers, 'senior.md')]);
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
    expect(r.stdout).toMatch(/✗ .+\n( {3}seen: .+\n)? {3}why: /);
    expect(r.stdout).toMatch(/Work on first:\s+1\) [\s\S]+2\) [\s\S]+3\) /);
    expect(r.stdout).toMatch(/Next drill: mlsd practice video-recommendations --phase (requirements|metrics|data|models|serving|monitoring)/);
    expect(r.stdout.split('\n').every((line) => line.length <= 100)).toBe(true);
  });

  it('prints the contract JSON with --json, identical on every run', () => {
    const r = run(['score', 'video-recommendations', join(answers, 'mid.md'), '--json']);
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
    expect(run(['score', 'video-recommendations', join(answers, 'mid.md'), '--json']).stdout).toBe(r.stdout);
  });

  it('reads the answer from stdin with "-"', () => {
    const md = readFileSync(join(answers, 'mid.md'), 'utf8');
    const piped = run(['score', 'video-recommendations', '-', '--json'], md);
    expect(piped.status).toBe(0);
    expect(JSON.parse(piped.stdout).total).toBe(JSON.parse(run(['score', 'video-recommendations', join(answers, 'mid.md'), '--json']).stdout).total);
  });

  it.each([
    ['an unknown prompt id', () => ['score', 'video-recomendations', join(answers, 'mid.md')], /unknown prompt "video-recomendations"[\s\S]*video-recommendations/],
    ['a missing file', () => ['score', 'video-recommendations', join(dir, 'missing.md')], /no such file/],
    ['a directory', () => ['score', 'video-recommendations', dir], /is a directory/],
    ['an empty file', () => ['score', 'video-recommendations', file('empty.md', '')], /is empty/],
    ['a whitespace-only file', () => ['score', 'video-recommendations', file('blank.md', '\n  \n')], /is empty/],
    ['a binary file', () => ['score', 'video-recommendations', file('x.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a]))], /binary/],
    ['a file that is not UTF-8', () => ['score', 'video-recommendations', file('latin1.md', Buffer.from('caf\xe9 au lait', 'latin1'))], /not UTF-8/],
    ['a file over 1 MB', () => ['score', 'video-recommendations', file('big.md', '# A\n' + 'word '.repeat(220_000))], /over 1 MB/],
  ])('exits 1 with one clear line for %s', (_name, args, message) => {
    const r = run(args());
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
  });

  it('refuses "-" at once when stdin is a terminal (nothing piped)', async () => {
    const term = new Terminal(['score', 'video-recommendations', '-'], {});
    expect(await term.exited).toBe(1);
    expect(term.screen).toMatch(/nothing is piped to stdin/);
  });

  it('colours meaning when colour is forced (green met, red missed)', () => {
    const r = spawnSync(process.execPath, [bin, 'score', 'video-recommendations', join(answers, 'senior.md')], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '1' },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('\u001b[32m✓');
    expect(r.stdout).toContain('\u001b[31m✗');
  });

  it('exits 1 for empty stdin', () => {
    const r = run(['score', 'video-recommendations', '-'], '');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/stdin is empty/);
  });

  it('exits 2 for a bad --level', () => {
    const r = run(['score', 'video-recommendations', join(answers, 'mid.md'), '--level', 'principal']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--level must be one of mid, senior, staff/);
  });
});

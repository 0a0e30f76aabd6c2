import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'mlsd.js');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('mlsd executable', () => {
  it('prints the version from package.json', () => {
    const version = execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).trim();
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('lists every command with an example in --help', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    for (const cmd of ['prompts', 'show', 'rubric', 'guide', 'score', 'interview', 'practice', 'resume', 'abandon', 'history', 'review', 'export', 'pipeline']) {
      expect(r.stdout).toContain(`  ${cmd} `);
      expect(r.stdout).toMatch(new RegExp(`\\$ mlsd ${cmd}\\b`));
    }
  });

  it.each([
    [['bogus'], /unknown command 'bogus'/],
    [['score', '--frobnicate'], /unknown option '--frobnicate'/],
    [['pipeline', '--items', '0'], /--items must be between/],
    [['pipeline', '--seed', 'abc'], /--seed must be a whole number/],
    [['interview', '--minutes', '-5'], /--minutes/],
    [['rubric', 'x', '--phase', 'lunch'], /--phase must be one of requirements/],
  ])('exits 2 with one clear line for a usage error: %j', (args, message) => {
    const r = run(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it.each([
    [['review'], "error: missing required argument 'session'\n(`mlsd review --help` shows its arguments and an example)\n"],
    [['practice', 'video-recommendations'], "error: required option '--phase <phase>' not specified\n(`mlsd practice --help` shows its arguments and an example)\n"],
    [['bogus'], "error: unknown command 'bogus'\n(`mlsd --help` lists the commands)\n"],
  ])('a usage error says where the right usage is: %j', (args, stderr) => {
    const r = run(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(stderr);
  });
});

describe('start-up cost', () => {
  const heavy = ['zod', 'yaml', 'wink-nlp', 'better-sqlite3', 'marked', 'marked-terminal', 'ora', '@inquirer/prompts', 'usearch', 'chalk'];
  const importsOf = (...args: string[]) => {
    const hook = join(import.meta.dirname, '..', 'helpers', 'trace-imports.mjs');
    const r = spawnSync(process.execPath, ['--import', hook, bin, ...args], { encoding: 'utf8' });
    return r.stderr.split('\n').filter((l) => l.startsWith('import: ')).map((l) => l.slice('import: '.length));
  };

  it.each([['--help'], ['--version'], ['score', '--help'], ['pipeline', '--help']])('%s loads only commander', (...args) => {
    const packages = importsOf(...args);
    expect(packages).toContain('commander');
    expect(packages.filter((p) => heavy.includes(p))).toEqual([]);
  });

  it('the tracer does see the heavy modules of a real command', () => {
    expect(importsOf('prompts', '--json')).toEqual(expect.arrayContaining(['zod', 'yaml']));
  });
});

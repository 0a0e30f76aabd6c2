import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const run = (...args: string[]) => runCli({ args });

describe('mlsd executable', () => {
  it('prints the version from package.json', async () => {
    const r = await run('--version');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('lists every command with an example in --help', async () => {
    const r = await run('--help');
    expect(r.status).toBe(0);
    for (const cmd of ['prompts', 'show', 'rubric', 'guide', 'score', 'interview', 'practice', 'resume', 'abandon', 'history', 'review', 'export', 'pipeline']) {
      expect(r.stdout).toContain(`  ${cmd} `);
      expect(r.stdout).toMatch(new RegExp(`\\$ mlsd ${cmd}\\b`));
    }
  });

  it('a usage error exits 2 from the process too', async () => {
    const r = await run('bogus');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("error: unknown command 'bogus'\n(`mlsd --help` lists the commands)\n");
    expect(r.stdout).toBe('');
  });
});

describe('start-up cost', () => {
  const heavy = ['zod', 'yaml', 'wink-nlp', 'better-sqlite3', 'marked', 'marked-terminal', 'ora', '@inquirer/prompts', 'usearch', 'chalk'];
  const hook = join(import.meta.dirname, '..', 'helpers', 'trace-imports.mjs');
  const importsOf = async (...args: string[]) => {
    const r = await runCli({ args, env: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import "${hook}"` } });
    return r.stderr.split('\n').filter((l) => l.startsWith('import: ')).map((l) => l.slice('import: '.length));
  };

  it.each([['--help'], ['--version'], ['score', '--help'], ['pipeline', '--help']])('%s loads only commander', async (...args) => {
    const packages = await importsOf(...args);
    expect(packages).toContain('commander');
    expect(packages.filter((p) => heavy.includes(p))).toEqual([]);
  });

  it('the tracer does see the heavy modules of a real command', async () => {
    expect(await importsOf('prompts', '--json')).toEqual(expect.arrayContaining(['zod', 'yaml']));
  });
});

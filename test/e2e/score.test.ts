import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { runMain } from '../helpers/context.js';

const answers = join(import.meta.dirname, '..', 'fixtures', 'answers', 'video-recommendations');
const run = (args: string[], input?: string) => runCli({ args, input, env: { FORCE_COLOR: '' } });

describe('mlsd score as a process', () => {
  it('reads the answer from stdin with "-"', async () => {
    const md = readFileSync(join(answers, 'mid.md'), 'utf8');
    const piped = await run(['score', 'video-recommendations', '-', '--json'], md);
    expect(piped.status).toBe(0);
    // The same file named on the command line, graded in-process: only the pipe is under test here.
    const named = await runMain({ args: ['score', 'video-recommendations', join(answers, 'mid.md'), '--json'] });
    expect(JSON.parse(piped.stdout).total).toBe(JSON.parse(named.stdout).total);
  });

  it('refuses "-" at once when stdin is a terminal (nothing piped)', async () => {
    const term = runCli({ args: ['score', 'video-recommendations', '-'], tty: true });
    expect(await term.exited).toBe(1);
    expect(term.screen).toMatch(/nothing is piped to stdin/);
  });

  it('colours meaning when colour is forced (green met, red missed)', async () => {
    const r = await runCli({ args: ['score', 'video-recommendations', join(answers, 'senior.md')], env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('\u001b[32m✓');
    expect(r.stdout).toContain('\u001b[31m✗');
  });
});

import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/context.js';

const run = (...args: string[]) => runMain({ args });

describe('usage errors, decided by cli.ts', () => {
  it.each([
    [['bogus'], /unknown command 'bogus'/],
    [['score', '--frobnicate'], /unknown option '--frobnicate'/],
    [['pipeline', '--items', '0'], /--items must be between/],
    [['pipeline', '--seed', 'abc'], /--seed must be a whole number/],
    [['interview', '--minutes', '-5'], /--minutes/],
    [['rubric', 'x', '--phase', 'lunch'], /--phase must be one of requirements/],
  ])('exits 2 with one clear line for a usage error: %j', async (args, message) => {
    const r = await run(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it.each([
    [['review'], "error: missing required argument 'session'\n(`mlsd review --help` shows its arguments and an example)\n"],
    [['practice', 'video-recommendations'], "error: required option '--phase <phase>' not specified\n(`mlsd practice --help` shows its arguments and an example)\n"],
    [['bogus'], "error: unknown command 'bogus'\n(`mlsd --help` lists the commands)\n"],
  ])('a usage error says where the right usage is: %j', async (args, stderr) => {
    const r = await run(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(stderr);
  });
});

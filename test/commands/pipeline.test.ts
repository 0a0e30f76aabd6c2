import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/context.js';

const small = ['--items', '20000', '--users', '2000', '--seed', '5'];
const run = (...args: string[]) => runMain({ args: ['pipeline', ...args] });

describe('mlsd pipeline options', () => {
  it.each([
    [['--sweep', 'speed=1,2'], /--sweep: unknown knob "speed"/],
    [['--sweep', 'candidates=10,abc'], /--sweep candidates: "abc" is not a whole number/],
    [['--sweep', 'candidates=20'], /--sweep candidates: 20 must be from --ranked \(50\)/],
    [['--sweep', 'diversity'], /is not <knob>=<values>/],
    [['--candidates', '30000'], /--candidates \(30000\) cannot exceed the catalogue/],
    [['--ranked', '600'], /--ranked \(600\) cannot exceed --candidates \(500\)/],
    [['--feed', '60'], /--feed \(60\) cannot exceed --ranked \(50\)/],
    [['--explain', '2000'], /--explain takes a user id from 0 to 1999/],
    [['--items', '0'], /--items must be between/],
    [['--requests', 'many'], /--requests must be a whole number/],
    [['--diversity', '1.5'], /--diversity must be between 0 and 1/],
  ])('exits 2 with one clear line for %j', async (args, message) => {
    const r = await run(...small, ...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});

describe('mlsd pipeline in-process', () => {
  it('writes the first-run notice through the context, not to the process stderr', async () => {
    const r = await run('--items', '2000', '--users', '200', '--requests', '20', '--candidates', '200', '--ranked', '50');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^First run for this world: simulating 2,000 videos and 200 users/);
  }, 60_000);
});

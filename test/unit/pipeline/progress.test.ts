import { describe, expect, it } from 'vitest';
import { estimateBuild } from '../../../src/pipeline/estimate.js';
import { barLine, terminalProgress } from '../../../src/ui/progress.js';

describe('build progress', () => {
  it('shows counts and, once there is a pace, the time left', () => {
    expect(barLine('building the search index', 0, 1_000_000, 'videos', 0, 100)).toMatch(/\[-+\] 0\/1,000,000 videos$/);
    const line = barLine('building the search index', 250_000, 1_000_000, 'videos', 20, 100);
    expect(line).toMatch(/\[#+-+\] 250,000\/1,000,000 videos, about 1 min 00 s left$/);
    expect(line.length).toBeLessThanOrEqual(100);
    expect(barLine('a step', 5, 10, 'rows', 30, 40).length).toBeLessThanOrEqual(40);
  });

  it('draws bars on a terminal and leaves one summary line per step', () => {
    let written = '';
    let t = 0;
    const progress = terminalProgress({ bars: true, notes: true }, { write: (s: string) => ((written += s), true), columns: 80 }, () => t);
    progress.note('First run: about 2 min.');
    const step = progress.step('training', 100, 'pairs');
    t = 1000;
    step.advance(50);
    step.finish('trained');
    expect(written).toContain('First run: about 2 min.\n');
    expect(written).toMatch(/training \[#+-+\] 50\/100 pairs, about 1 s left/);
    expect(written.endsWith(' ✓ trained\n')).toBe(true);
  });

  it('keeps only the notes off a terminal, and nothing for --json', () => {
    let written = '';
    const stream = { write: (s: string) => ((written += s), true), columns: 80 };
    const notes = terminalProgress({ bars: false, notes: true }, stream);
    notes.note('First run.');
    notes.step('x', 10, 'rows').advance(5);
    expect(written).toBe('First run.\n');
    terminalProgress({ bars: false, notes: false }, stream).note('again');
    expect(written).toBe('First run.\n');
  });
});

describe('first-run estimate', () => {
  it('grows with the catalogue and with the load on the machine', () => {
    const small = estimateBuild({ items: 100_000, users: 10_000, seed: 1 }, { threads: 2, load: 0 });
    const large = estimateBuild({ items: 1_000_000, users: 100_000, seed: 1 }, { threads: 2, load: 0 });
    const busy = estimateBuild({ items: 1_000_000, users: 100_000, seed: 1 }, { threads: 2, load: 8 });
    expect(large.seconds).toBeGreaterThan(5 * small.seconds);
    expect(large.bytes).toBeGreaterThan(5 * small.bytes);
    expect(busy.seconds).toBeGreaterThan(2 * large.seconds);
    expect(busy.busy).toBe(true);
    expect(large.busy).toBe(false);
    expect(large.text).toMatch(/^\d+ (s|min)$/);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { PipelineReport } from '../../../src/pipeline/report.js';
import { renderPipeline } from '../../../src/ui/pipeline-view.js';

// A real `mlsd pipeline --items 20000 --users 2000 --requests 50 --json` run, used as input to the view.
const measured = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'pipeline-report.json'), 'utf8')) as PipelineReport;
const lengths = (text: string) => stripVTControlCharacters(text).trimEnd().split('\n').map((l) => l.length);

describe('mlsd pipeline for people', () => {
  it.each([60, 80, 100])('fits %i columns, with and without colour', (width) => {
    for (const color of [false, true]) {
      const text = renderPipeline(measured, { color, width });
      expect(Math.max(...lengths(text))).toBeLessThanOrEqual(width);
      expect(stripVTControlCharacters(text)).toMatch(/^ candidate-generation +20,000 → 500 +[\d.]+ /m);
      expect(stripVTControlCharacters(text)).toMatch(/^ within budget: p99 [\d.]+ ms is [\d.]+% of 100 ms$/m);
    }
  });

  it('keeps the budget bar inside the width when a slow machine runs over the budget', () => {
    const slow = <T extends { p50Ms: number; p95Ms: number; p99Ms: number }>(x: T): T => ({ ...x, p50Ms: x.p50Ms * 40, p95Ms: x.p95Ms * 40, p99Ms: x.p99Ms * 40 });
    const over = { ...measured, stages: measured.stages.map(slow), total: slow(measured.total), withinBudget: false };
    for (const width of [60, 80, 100]) {
      const text = stripVTControlCharacters(renderPipeline(over, { color: false, width }));
      expect(Math.max(...lengths(text)), text).toBeLessThanOrEqual(width);
      expect(text).toMatch(/^ budget {2}\S*│\S* │ marks the 100 ms budget$/m);
    }
  });

  it('shows p50, p95, p99 and the budget share when there is room, and drops p95 first when there is not', () => {
    expect(renderPipeline(measured, { color: false, width: 100 })).toMatch(/^ stage +in → out +p50 +p95 +p99 +of budget$/m);
    expect(renderPipeline(measured, { color: false, width: 60 })).toMatch(/^ stage +in → out +p50 +p99 +of budget$/m);
  });

  it('paints each wrapped line on its own, so colour never runs across a line break', () => {
    const text = renderPipeline(measured, { color: true, width: 60 });
    for (const line of text.split('\n')) {
      const opened = (line.match(/\u001b\[(?:1|2|3[1-6])m/g) ?? []).length;
      const closed = (line.match(/\u001b\[(?:22|39)m/g) ?? []).length;
      expect(opened, line).toBe(closed);
    }
  });

  it('prints no benchmark targets, even for the default world (they belong to npm run bench:pipeline)', () => {
    const atDefaults = { ...measured, params: { ...measured.params, items: 1_000_000, users: 100_000 } };
    const text = stripVTControlCharacters(renderPipeline(atDefaults, { color: false, width: 60 }));
    expect(text).not.toMatch(/targets|[✓✗] /);
    expect(Math.max(...lengths(text))).toBeLessThanOrEqual(60);
  });
});

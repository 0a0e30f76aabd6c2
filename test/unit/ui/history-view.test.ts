import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../../src/interview/types.js';
import { averagesView, sessionTable } from '../../../src/ui/history-view.js';

const session = (id: number, promptId: string, over: Partial<Session> = {}): Session => ({
  id, promptId, mode: 'interview', status: 'completed', targetLevel: 'senior', minutes: 45, timer: true, plan: [],
  startedAt: Date.UTC(2026, 10, 20 + id), finishedAt: null, total: 50 + id, level: 'mid', grade: null, ...over,
});
const sessions = [
  session(12, 'video-recommendations', { status: 'in-progress', total: null, level: null }),
  session(11, 'harmful-content-detection', { mode: 'practice', minutes: 10 }),
  session(10, 'ads-click-prediction', { status: 'abandoned', total: null, level: null }),
];
const lines = (text: string) => stripVTControlCharacters(text).trimEnd().split('\n');

describe('mlsd history at any width', () => {
  it('shows every column and the resume command on the open row when there is room', () => {
    const [head, open] = lines(sessionTable(sessions, { color: false, width: 100 }));
    expect(head).toMatch(/^ #  date {8}prompt {21}mode {7}min  total  level$/);
    expect(open).toBe('12  2026-12-02  video-recommendations      interview   45   open  in progress · mlsd resume 12');
  });

  it.each([80, 72, 60])('fits %i columns and still says how to resume', (width) => {
    const text = lines(sessionTable(sessions, { color: true, width }));
    expect(Math.max(...text.map((l) => l.length))).toBeLessThanOrEqual(width);
    expect(text).toHaveLength(sessions.length + 2);
    expect(text.at(-1)).toBe('Continue a session in progress with `mlsd resume 12`.');
  });

  it('gives up the resume hint, the minutes and the year before it clips a prompt id', () => {
    expect(lines(sessionTable(sessions, { color: false, width: 80 }))[1]).toBe('12  2026-12-02  video-recommendations      interview   45   open  in progress');
    expect(lines(sessionTable(sessions, { color: false, width: 72 }))[1]).toBe('12  2026-12-02  video-recommendations      interview   open  in progress');
    expect(lines(sessionTable(sessions, { color: false, width: 67 }))[1]).toBe('12  12-02  video-recommendations      interview   open  in progress');
  });

  it('clips prompt ids by just the overflow, marking the cut', () => {
    const text = lines(sessionTable(sessions, { color: false, width: 60 }));
    expect(text[1]).toBe('12  12-02  video-recommendat…  interview   open  in progress');
    expect(text[2]).toContain(' harmful-content-d… ');
    expect(text[0]!.length).toBeLessThanOrEqual(60);
  });

  it('halves the phase bars on a narrow terminal so the weakest mark fits', () => {
    const averages = [{ phase: 'monitoring' as const, average: 27, sessions: 12 }];
    const wide = lines(averagesView(averages, averages[0]!, { color: false, width: 100 }))[1]!;
    const narrow = lines(averagesView(averages, averages[0]!, { color: false, width: 60 }))[1]!;
    expect(wide).toMatch(/Monitoring +█{5}░{15} +27 \(12\) ← weakest$/);
    expect(narrow).toMatch(/Monitoring +█{3}░{7} +27 \(12\) ← weakest$/);
    expect(narrow.length).toBeLessThanOrEqual(60);
  });
});

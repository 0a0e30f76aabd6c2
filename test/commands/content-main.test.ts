import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/context.js';

const run = (...args: string[]) => runMain({ args, env: { FORCE_COLOR: '' } });

describe('content commands through main()', () => {
  it('mlsd prompts --json prints the contract array', async () => {
    const r = await run('prompts', '--json');
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(list.length).toBeGreaterThanOrEqual(1);
    for (const p of list) {
      expect(Object.keys(p)).toEqual(expect.arrayContaining(['id', 'title', 'domain', 'difficulty', 'criteria']));
      expect(p.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(typeof p.criteria).toBe('number');
    }
  });

  it('mlsd show renders Markdown without colour codes under NO_COLOR', async () => {
    const r = await run('show', 'video-recommendations');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Design the system that recommends relevant videos');
    expect(r.stdout).toContain('mlsd interview video-recommendations');
    expect(r.stdout).not.toMatch(/\u001b\[|\*\*/);
  });

  it('mlsd rubric --json --phase --level filters', async () => {
    const r = await run('rubric', 'video-recommendations', '--phase', 'models', '--level', 'mid', '--json');
    expect(r.status).toBe(0);
    const listing = JSON.parse(r.stdout) as { phases: { id: string; criteria: { level: string }[] }[] };
    expect(listing.phases.map((p) => p.id)).toEqual(['models']);
    expect(listing.phases[0]!.criteria.every((c) => c.level === 'mid')).toBe(true);
    expect(listing.phases[0]!.criteria.length).toBeGreaterThan(0);
  });

  it('mlsd guide monitoring prints one section', async () => {
    const r = await run('guide', 'monitoring');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^── Monitoring ─/m);
    expect(r.stdout).not.toMatch(/^── Serving ─/m);
  });

  it.each([
    [['show', 'video-recomendations'], 1, /unknown prompt "video-recomendations"[\s\S]*"video-recommendations"/],
    [['rubric', 'fraud'], 1, /unknown prompt "fraud"/],
    [['guide', 'lunch'], 2, /unknown phase "lunch"[\s\S]*clarifying, requirements/],
    [['rubric', 'video-recommendations', '--level', 'principal'], 2, /--level must be one of mid, senior, staff/],
    [['show'], 2, /missing required argument/],
  ])('%j exits %i with a clear message on stderr', async (args, code, message) => {
    const r = await run(...args);
    expect(r.status).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { PHASE_IDS } from '../../src/phases.js';
import { shippedContent } from '../helpers/shipped.js';

const content = shippedContent();
const frameworkIds = new Set(content.framework.criteria.map((c) => c.id));

describe('the shipped content', () => {
  it('loads the real prompts/ and data/ folders without problems', () => {
    expect(content.prompts.map((p) => p.id)).toContain('video-recommendations');
    expect(content.framework.criteria.length).toBeGreaterThanOrEqual(10);
    expect(content.framework.criteria.length).toBeLessThanOrEqual(16);
  });

  it('keeps framework criteria light so the prompt criteria carry the grade', () => {
    for (const c of content.framework.criteria) expect(c.weight, c.id).toBeLessThanOrEqual(2);
  });

  it('has a guide entry with a checklist, example and pitfalls for clarifying and every phase', () => {
    for (const step of ['clarifying', ...PHASE_IDS] as const) {
      const entry = content.framework.guide[step];
      expect(entry.checklist.length, step).toBeGreaterThanOrEqual(3);
      expect(entry.pitfalls.length, step).toBeGreaterThanOrEqual(2);
      expect(entry.example.length, step).toBeGreaterThan(80);
    }
  });

  describe.each(content.prompts.map((p) => [p.id, p] as const))('%s', (_id, prompt) => {
    const own = prompt.rubric.criteria;

    it('has at least 30 criteria of its own, covering every phase', () => {
      expect(own.length).toBeGreaterThanOrEqual(30);
      for (const phase of PHASE_IDS) {
        expect(own.filter((c) => c.phase === phase).length, phase).toBeGreaterThanOrEqual(3);
      }
    });

    it('uses every level and gives the make-or-break ideas weight 4 or more', () => {
      for (const level of ['mid', 'senior', 'staff'] as const) {
        expect(own.some((c) => c.level === level), level).toBe(true);
      }
      expect(own.filter((c) => c.weight >= 4).length).toBeGreaterThanOrEqual(4);
    });

    it('gives every criterion a short label, a why and a strong answer', () => {
      for (const c of own) {
        expect(c.short, c.id).toBeTruthy();
        expect(c.short!.split(/\s+/).length, c.id).toBeLessThanOrEqual(4);
        expect(c.why.length, c.id).toBeGreaterThan(40);
        expect(c.strong.length, c.id).toBeGreaterThan(40);
      }
    });

    it('has 12-20 facts, 5-8 of them key, each with several ways to ask', () => {
      expect(prompt.facts.length).toBeGreaterThanOrEqual(12);
      expect(prompt.facts.length).toBeLessThanOrEqual(20);
      const keys = prompt.facts.filter((f) => f.key).length;
      expect(keys).toBeGreaterThanOrEqual(5);
      expect(keys).toBeLessThanOrEqual(8);
      for (const f of prompt.facts) expect(f.asks.length, f.id).toBeGreaterThanOrEqual(5);
    });

    it('has 8-14 probes at real criteria, reaching every phase', () => {
      expect(prompt.probes.length).toBeGreaterThanOrEqual(8);
      expect(prompt.probes.length).toBeLessThanOrEqual(14);
      const byId = new Map(own.map((c) => [c.id, c]));
      const phases = new Set<string>();
      for (const probe of prompt.probes) {
        const target = byId.get(probe.criterion);
        expect(target ?? frameworkIds.has(probe.criterion), probe.criterion).toBeTruthy();
        if (target) phases.add(target.phase);
        expect(probe.question.trim().endsWith('?'), probe.question).toBe(true);
      }
      expect([...phases].sort()).toEqual([...PHASE_IDS].sort());
    });

    it('has a time budget summing to 100 when it gives one', () => {
      if (!prompt.timeBudget) return;
      expect(Object.values(prompt.timeBudget).reduce((a, b) => a + b, 0)).toBeCloseTo(100);
    });
  });
});

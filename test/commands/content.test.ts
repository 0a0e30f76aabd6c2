import { describe, expect, it } from 'vitest';
import { guide, resolveStep } from '../../src/commands/guide.js';
import { prompts, renderPromptTable } from '../../src/commands/prompts.js';
import { rubric, type RubricListing } from '../../src/commands/rubric.js';
import { show } from '../../src/commands/show.js';
import { expectedAt, rubricFor } from '../../src/content/rubric.js';
import { UserError } from '../../src/errors.js';
import { PHASE_IDS } from '../../src/phases.js';
import { testContext } from '../helpers/context.js';
import { shippedContent } from '../helpers/shipped.js';

const capture = (color = false) => testContext({ color });

const content = shippedContent();
const video = content.prompts.find((p) => p.id === 'video-recommendations')!;

describe('rubric helpers', () => {
  it('adds the framework criteria a prompt does not skip', () => {
    const all = rubricFor(video, content.framework);
    expect(all.filter((c) => c.framework)).toHaveLength(content.framework.criteria.length);
    const skipping = { ...video, skipFramework: ['privacy-and-fairness'] };
    expect(rubricFor(skipping, content.framework).map((c) => c.id)).not.toContain('privacy-and-fairness');
  });

  it.each([
    ['mid', 'mid', true], ['mid', 'staff', true], ['senior', 'mid', false], ['staff', 'senior', false], ['staff', 'staff', true],
  ] as const)('a %s criterion is expected of a %s candidate: %s', (level, target, expected) => {
    expect(expectedAt(level, target)).toBe(expected);
  });
});

describe('mlsd prompts', () => {
  it('prints the contract JSON with the framework criteria counted', async () => {
    const { ctx, text } = capture();
    await prompts({ json: true }, ctx);
    const list = JSON.parse(text()) as Record<string, unknown>[];
    expect(list.map((p) => p.id)).toEqual(content.prompts.map((p) => p.id));
    const entry = list.find((p) => p.id === 'video-recommendations')!;
    expect(entry).toMatchObject({ title: video.title, domain: video.domain, difficulty: video.difficulty });
    expect(entry.criteria).toBe(video.rubric.criteria.length + content.framework.criteria.length);
  });

  const listings = content.prompts.map((p) => ({
    id: p.id, title: p.title, domain: p.domain, difficulty: p.difficulty, criteria: 50, summary: p.summary,
  }));

  it('prints a table when it fits, with each summary and what to run next', () => {
    const out = renderPromptTable(listings, false, 200);
    expect(out).toMatch(/^id\s+title\s+domain\s+difficulty\s+criteria$/m);
    expect(out).toMatch(new RegExp(`^video-recommendations\\s+${video.title}\\s+${video.domain}\\s+hard\\s+50$`, 'm'));
    expect(out).toContain(video.summary);
    expect(out).toContain(`mlsd show ${content.prompts[0]!.id}`);
    expect(out).not.toMatch(/\u001b\[/);
  });

  it('falls back to one block per prompt in a narrow terminal', () => {
    const out = renderPromptTable(listings, false, 70);
    expect(out).not.toMatch(/^id\s+title/m);
    expect(out).toContain('video-recommendations  hard · 50 criteria · recommender systems');
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(70);
  });

  it('colours only when asked to', async () => {
    const { ctx, text } = capture(true);
    await prompts({}, ctx);
    expect(text()).toMatch(/\u001b\[/);
  });
});

describe('mlsd show', () => {
  it('renders the statement, then the plan the interview follows for a 45-minute round', async () => {
    const { ctx, text } = capture();
    await show({ id: 'video-recommendations' }, ctx);
    const out = text();
    expect(out).toContain('Video recommendations for the home feed');
    expect(out).not.toContain('**');
    expect(out).toContain('The plan: 45 minutes');
    expect(out).toMatch(/1\. Clarifying questions\s+3:30/);
    expect(out).toMatch(/5\. Models\s+12:00/);
    expect(out).toContain('mlsd interview video-recommendations');
  });

  it('suggests the closest ids for an unknown prompt', async () => {
    const { ctx } = capture();
    await expect(show({ id: 'video-recommendation' }, ctx)).rejects.toThrow(UserError);
    await expect(show({ id: 'video-recommendation' }, ctx)).rejects.toMatchObject({
      code: 1,
      hint: expect.stringContaining('"video-recommendations"'),
    });
  });
});

describe('mlsd rubric', () => {
  async function listing(options: Omit<Parameters<typeof rubric>[0], 'id' | 'json'>): Promise<RubricListing> {
    const { ctx, text } = capture();
    await rubric({ id: 'video-recommendations', json: true, ...options }, ctx);
    return JSON.parse(text()) as RubricListing;
  }

  it('groups every criterion by phase in order, heaviest first, framework ones marked', async () => {
    const all = await listing({});
    expect(all.phases.map((p) => p.id)).toEqual([...PHASE_IDS]);
    const criteria = all.phases.flatMap((p) => p.criteria);
    expect(criteria).toHaveLength(video.rubric.criteria.length + content.framework.criteria.length);
    for (const phase of all.phases) {
      const weights = phase.criteria.map((c) => c.weight);
      expect(weights).toEqual([...weights].sort((a, b) => b - a));
      for (const c of phase.criteria) expect(c.phase).toBe(phase.id);
    }
    expect(criteria.find((c) => c.id === 'assumptions-with-numbers')?.framework).toBe(true);
    expect(criteria.find((c) => c.id === 'vr-two-tower-retrieval')?.framework).toBe(false);
  });

  it('filters by phase and by the level aimed for', async () => {
    const serving = await listing({ phase: 'serving', level: 'mid' });
    expect(serving.phases.map((p) => p.id)).toEqual(['serving']);
    const levels = new Set(serving.phases[0]!.criteria.map((c) => c.level));
    expect([...levels]).toEqual(['mid']);
    const senior = await listing({ level: 'senior' });
    const seniorLevels = new Set(senior.phases.flatMap((p) => p.criteria.map((c) => c.level)));
    expect(seniorLevels.has('staff')).toBe(false);
    expect(seniorLevels.has('mid')).toBe(true);
  });

  it('prints why and strong for each criterion, with its level and weight', async () => {
    const { ctx, text } = capture();
    await rubric({ id: 'video-recommendations', phase: 'data' }, ctx);
    const out = text();
    expect(out).toMatch(/── Data and features ─+ \d+ criteria · weight \d+ ──/);
    expect(out).toMatch(/Handles position bias in the logs\s+senior · weight 4/);
    expect(out).toMatch(/Splits by time and guards against leakage\s+senior · weight 2 · framework/);
    expect(out).toMatch(/why\s+Videos at the top get clicked/);
    expect(out).toMatch(/strong\s+Feeds the slot position/);
    expect(out).not.toContain('Uses a multi-stage funnel');
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });
});

describe('mlsd guide', () => {
  it('prints the whole cheat sheet: clarifying and the six phases', async () => {
    const { ctx, text } = capture();
    await guide({}, ctx);
    const out = text();
    for (const title of ['Clarifying questions', 'Requirements', 'Metrics', 'Data and features', 'Models', 'Serving', 'Monitoring']) {
      expect(out).toMatch(new RegExp(`── ${title} ─`));
    }
    expect(out.match(/^Checklist$/gm)).toHaveLength(7);
    expect(out.match(/^Pitfalls$/gm)).toHaveLength(7);
  });

  it('prints one step with its checklist, example, pitfalls and the framework criteria graded there', async () => {
    const { ctx, text } = capture();
    await guide({ phase: 'serving' }, ctx);
    const out = text();
    expect(out.match(/^── \w/gm)).toHaveLength(1);
    expect(out).toContain(content.framework.guide.serving.checklist[0]!.slice(0, 30));
    expect(out).toMatch(/│ "Per request: 10 ms/);
    expect(out).toContain('Graded in every prompt:');
    expect(out).toContain('  · Splits the latency budget across stages (senior)');
  });

  it.each([
    ['clarifying', 'clarifying'], ['Clarify', 'clarifying'], ['metrics', 'metrics'], ['Evaluation', 'metrics'],
    ['feature-engineering', 'data'], ['deployment', 'serving'],
  ])('understands "%s" as %s', (input, step) => {
    expect(resolveStep(input)).toBe(step);
  });

  it.each([['lunch', /unknown phase "lunch"$/], ['foo', /unknown phase "foo"$/], ['modles', /did you mean "models"/], ['monitor', /did you mean "monitoring"/]])(
    'rejects %s as a usage error listing the phases',
    (input, message) => {
      let error: unknown;
      try {
        resolveStep(input);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).code).toBe(2);
      expect((error as UserError).message).toMatch(message);
      expect((error as UserError).hint).toContain('clarifying, requirements, metrics, data, models, serving, monitoring');
    },
  );
});

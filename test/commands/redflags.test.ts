import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guide } from '../../src/commands/guide.js';
import { history } from '../../src/commands/history.js';
import { interview } from '../../src/commands/interview.js';
import { review } from '../../src/commands/review.js';
import { score } from '../../src/commands/score.js';
import { interviewPlan } from '../../src/interview/plan.js';
import { openStore } from '../../src/store/open.js';
import { sessionStore } from '../../src/store/sessions.js';
import { runMain, testContext } from '../helpers/context.js';
import { shippedContent } from '../helpers/shipped.js';
import { tempDir } from '../helpers/temp.js';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const planted = join(fixtures, 'redflags', 'video-recommendations.md');
const honest = join(fixtures, 'content', 'video-recommendations', 'strong.md');
const RED_FLAG_KEYS = ['id', 'phase', 'severity', 'evidence', 'why', 'instead'];

const tempDb = () => join(tempDir(), 'coach.db');

describe('mlsd score', () => {
  it('gives redFlags and cap in --json: the planted answer flagged and capped, an honest one clean', async () => {
    const bad = testContext();
    await score({ id: 'video-recommendations', answer: planted, json: true }, bad.ctx);
    const grade = JSON.parse(bad.text());
    expect(grade.redFlags.length).toBeGreaterThanOrEqual(4);
    for (const flag of grade.redFlags) for (const key of RED_FLAG_KEYS) expect(flag[key], key).toEqual(expect.any(String));
    expect(grade.cap).toBe('none');
    expect(grade.level).toBe('none');

    const good = testContext();
    await score({ id: 'video-recommendations', answer: honest, json: true }, good.ctx);
    expect(JSON.parse(good.text())).toMatchObject({ redFlags: [], cap: null });
  });

  it('puts the red flags before the strengths, with the quote, why, instead, cost and the cap under the verdict', async () => {
    const t = testContext();
    await score({ id: 'video-recommendations', answer: planted }, t.ctx);
    const text = t.text();
    expect(text.indexOf('Red flags')).toBeGreaterThan(0);
    expect(text.indexOf('Red flags')).toBeLessThan(text.indexOf('Strengths'));
    expect(text).toMatch(/held at none by a disqualifying red flag/);
    expect(text).toMatch(/why: /);
    expect(text).toMatch(/instead: /);
    expect(text).toMatch(/cost: caps the verdict at mid, −8 points/);
    expect(text).toMatch(/before red flags\)/);
  });

  it('shows the Red flags section and the cap in the report of the planted payment-fraud answer', async () => {
    const r = await runMain({ args: ['score', 'payment-fraud-detection', join(fixtures, 'redflags', 'payment-fraud-detection.md')] });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(' Red flags');
    expect(r.stdout).toMatch(/held at none by a disqualifying red flag/);
  });
});

describe('interview --answers, history and review', () => {
  it('saves the red flags: interview --json has them, history counts them, review lists them', async () => {
    const db = tempDb();
    const sat = testContext();
    await interview({ id: 'video-recommendations', answers: planted, json: true, minutes: 45, level: 'senior', timer: false, db }, sat.ctx);
    const graded = JSON.parse(sat.text());
    expect(graded.redFlags.length).toBeGreaterThanOrEqual(4);
    expect(graded.cap).toBe('none');

    const listed = testContext();
    await history({ json: true, db }, listed.ctx);
    expect(JSON.parse(listed.text())[0].redFlags).toBe(graded.redFlags.length);
    const table = testContext();
    await history({ db }, table.ctx);
    expect(table.text()).toMatch(/total {2}flags {2}level/);
    expect(table.text()).toMatch(new RegExp(` ${graded.redFlags.length}  none`));

    const json = testContext();
    await review({ id: 'last', json: true, db }, json.ctx);
    expect(JSON.parse(json.text()).grade.redFlags).toEqual(graded.redFlags);
    const shown = testContext();
    await review({ id: 'last', db }, shown.ctx);
    expect(shown.text()).toContain('Red flags');
    expect(shown.text()).toContain(graded.redFlags[0].title);
  });

  it('loads and shows a grade saved before red flags existed', async () => {
    const db = tempDb();
    const content = shippedContent();
    const prompt = content.prompts.find((p) => p.id === 'video-recommendations')!;
    const store = openStore(db);
    const sessions = sessionStore(store);
    const s = sessions.create({ promptId: prompt.id, mode: 'interview', targetLevel: 'senior', minutes: 45, timer: false, plan: interviewPlan(prompt, 45), startedAt: Date.UTC(2026, 10, 1) });
    sessions.addEntry(s.id, { step: 'models', kind: 'answer', text: 'Two stages.', factId: null, response: null, elapsedMs: 0, budgetMs: null, at: Date.UTC(2026, 10, 1) });
    const old = { promptId: prompt.id, total: 12, level: 'none' as const, phases: [], signals: { structure: 0, tradeoffs: 0, quantitative: 0, depth: 0 }, criteria: [] };
    sessions.finish(s.id, old, Date.UTC(2026, 10, 1, 1));
    store.close();

    const json = testContext();
    await review({ id: String(s.id), json: true, db }, json.ctx);
    expect(JSON.parse(json.text()).grade).toMatchObject({ total: 12, redFlags: [], cap: null });
    const listed = testContext();
    await history({ json: true, db }, listed.ctx);
    expect(JSON.parse(listed.text())[0].redFlags).toBe(0);
    const shown = testContext();
    await review({ id: String(s.id), db }, shown.ctx);
    expect(shown.text()).toContain('Total 12/100');
    expect(shown.text()).not.toContain('Red flags');
  });
});

describe('mlsd guide <phase>', () => {
  it("lists the phase's common red flags, one line each", async () => {
    const t = testContext({ width: 100 });
    await guide({ phase: 'metrics' }, t.ctx);
    const text = t.text();
    const content = shippedContent();
    const metrics = content.framework.pitfalls.filter((p) => p.phase === 'metrics');
    expect(metrics.length).toBeGreaterThan(0);
    expect(text).toContain('Common red flags');
    for (const p of metrics) expect(text).toContain(`! ${p.title} (${p.severity})`);
    const data = content.framework.pitfalls.find((p) => p.phase === 'data')!;
    expect(text).not.toContain(data.title);
  });
});

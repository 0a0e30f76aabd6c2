import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { drill } from '../../src/commands/drill.js';
import { score } from '../../src/commands/score.js';
import type { Content } from '../../src/content/load.js';
import type { Grader } from '../../src/grading/index.js';
import { testContext } from '../helpers/context.js';
import { shippedContent, shippedGrader } from '../helpers/shipped.js';
import { inHistory } from '../helpers/history.js';
import { tempDir } from '../helpers/temp.js';

const DAY = 86_400_000;
const day0 = Date.UTC(2026, 10, 26, 12);
const planted = join(import.meta.dirname, '..', 'fixtures', 'redflags', 'video-recommendations.md');
const retraction = 'No, click-through rate alone is a proxy that rewards clickbait; we would rank by predicted watch time and satisfaction, tuned against surveys.';
const repeat = 'The objective is to maximise click-through rate on the home feed.';

let content: Content;
let grader: Grader;
beforeAll(async () => {
  content = shippedContent();
  grader = await shippedGrader();
});

const at = (dir: string, now: number) => testContext({ env: { MLSD_HOME: dir }, now: () => now, content, grader });

/** Saves the planted answer (it raises the clicks-objective red flag among others) as `score --save` does. */
async function savePlanted(dir: string): Promise<{ redFlags: Array<{ id: string; evidence: string }>; criteria: Array<{ id: string; met: boolean }> }> {
  const t = at(dir, day0);
  await score({ id: 'video-recommendations', answer: planted, json: true, save: true }, t.ctx);
  return JSON.parse(t.text());
}

async function drillFile(dir: string, now: number, text: string) {
  const file = join(dir, 'answers.md');
  writeFileSync(file, text);
  const t = at(dir, now);
  await drill({ limit: 5, answers: file, json: true }, t.ctx);
  return JSON.parse(t.text()) as { cards: Array<Record<string, unknown>> };
}

describe('red flags become drill cards', () => {
  it('every pitfall red flag of a saved answer is a pitfall card; arithmetic flags make none', async () => {
    const dir = tempDir();
    const grade = await savePlanted(dir);
    const pitfalls = grade.redFlags.map((f) => f.id).filter((id) => !id.startsWith('arithmetic-'));
    expect(pitfalls).toContain('vr-clicks-objective');
    inHistory(dir, (h) => {
      const cards = h.cards.all();
      expect(cards.filter((c) => c.kind === 'pitfall').map((c) => c.itemId).sort()).toEqual([...new Set(pitfalls)].sort());
      expect(cards.filter((c) => c.kind === 'criterion').length).toBe(grade.criteria.filter((c) => !c.met && c.id !== 'asked-key-facts').length);
    });
  });

  it("the round's count of cards made includes the pitfalls", async () => {
    const dir = tempDir();
    const t = at(dir, day0);
    await score({ id: 'video-recommendations', answer: planted, save: true }, t.ctx);
    const made = Number(/(\d+) missed criteri/.exec(t.text())?.[1]);
    expect(made).toBe(inHistory(dir, (h) => h.cards.all().length));
    expect(inHistory(dir, (h) => h.cards.all().some((c) => c.kind === 'pitfall'))).toBe(true);
  });

  it('drill --answers: a reply that takes the claim back clears the card (good), in JSON with the pitfall id and kind', async () => {
    const dir = tempDir();
    await savePlanted(dir);
    const out = await drillFile(dir, day0 + DAY, `## vr-clicks-objective\n\n${retraction}\n`);
    expect(out.cards).toEqual([expect.objectContaining({
      promptId: 'video-recommendations', criterion: 'vr-clicks-objective', kind: 'pitfall', met: true, rating: 'good',
      question: content.prompts.find((p) => p.id === 'video-recommendations')!.pitfalls.find((p) => p.id === 'vr-clicks-objective')!.probe,
    })]);
    inHistory(dir, (h) => {
      const card = h.cards.get({ promptId: 'video-recommendations', kind: 'pitfall', itemId: 'vr-clicks-objective' })!;
      expect(card.memory.due).toBeGreaterThan(day0 + 2 * DAY);
    });
  });

  it('drill --answers: a reply that repeats the claim fails the card (again); criterion cards say kind criterion', async () => {
    const dir = tempDir();
    const grade = await savePlanted(dir);
    const missed = grade.criteria.find((c) => !c.met && c.id !== 'asked-key-facts')!.id;
    const out = await drillFile(dir, day0 + DAY, `## vr-clicks-objective\n\n${repeat}\n\n## ${missed}\n\nI do not know.\n`);
    expect(out.cards[0]).toMatchObject({ criterion: 'vr-clicks-objective', kind: 'pitfall', met: false, rating: 'again' });
    expect(out.cards[1]).toMatchObject({ criterion: missed, kind: 'criterion' });
  });

  it('the result view shows why the reply fails and what to say instead', async () => {
    const dir = tempDir();
    await savePlanted(dir);
    const file = join(dir, 'answers.md');
    writeFileSync(file, `## vr-clicks-objective\n\n${repeat}\n`);
    const t = at(dir, day0 + DAY);
    await drill({ limit: 5, answers: file }, t.ctx);
    const pitfall = content.prompts.find((p) => p.id === 'video-recommendations')!.pitfalls.find((p) => p.id === 'vr-clicks-objective')!;
    const text = t.text().replace(/\s+/g, ' ');
    expect(text).toContain('makes the same claim again');
    expect(text).toContain(pitfall.instead.replace(/\s+/g, ' ').slice(0, 60));
    expect(text).toContain(pitfall.why.replace(/\s+/g, ' ').slice(0, 60));
  });

  it('a pitfall without a probe is asked about the sentence its red flag quoted', async () => {
    const dir = tempDir();
    const grade = await savePlanted(dir);
    const evidence = grade.redFlags.find((f) => f.id === 'vr-clicks-objective')!.evidence;
    const noProbe = {
      ...content,
      prompts: content.prompts.map((p) => (p.id !== 'video-recommendations' ? p : {
        ...p, pitfalls: p.pitfalls.map((f) => (f.id === 'vr-clicks-objective' ? { ...f, probe: undefined } : f)),
      })),
    };
    const t = testContext({ env: { MLSD_HOME: dir }, now: () => day0 + DAY, content: noProbe, grader, width: 400 });
    await drill({ limit: 5, status: true }, t.ctx);
    expect(t.text()).toContain(`You wrote: “${evidence}” What goes wrong with that here, and what would you do instead?`);
  });
});

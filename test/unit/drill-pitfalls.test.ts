import { beforeAll, describe, expect, it } from 'vitest';
import type { Content } from '../../src/content/load.js';
import { gradeDrill } from '../../src/drill/grade.js';
import { drillItems, pitfallQuestion } from '../../src/drill/questions.js';
import type { Grader } from '../../src/grading/index.js';
import { shippedContent, shippedGrader } from '../helpers/shipped.js';

let content: Content;
let grader: Grader;
beforeAll(async () => {
  content = shippedContent();
  grader = await shippedGrader();
});

const card = { promptId: 'video-recommendations', kind: 'pitfall' as const, itemId: 'vr-clicks-objective' };
const claim = 'The objective is to maximise click-through rate on the home feed.';
const retraction = 'No, click-through rate alone is a proxy that rewards clickbait; we would rank by predicted watch time and satisfaction, tuned against surveys.';

describe('pitfall cards', () => {
  it('are drilled: the question is the pitfall probe, the strong answer its instead', () => {
    const [item] = drillItems([card], content);
    const pitfall = content.prompts.find((p) => p.id === card.promptId)!.pitfalls.find((p) => p.id === card.itemId)!;
    expect(item).toBeDefined();
    expect(item!.pitfall?.id).toBe(card.itemId);
    expect(item!.question).toBe(pitfall.probe);
    expect(item!.criterion.strong).toBe(pitfall.instead);
    expect(item!.phase).toBe(pitfall.phase);
  });

  it('without a probe, ask about the quoted evidence', () => {
    const pitfall = { ...content.prompts[0]!.pitfalls[0]!, probe: undefined };
    expect(pitfallQuestion(pitfall, 'We optimise CTR.')).toBe('You wrote: “We optimise CTR.” What goes wrong with that here, and what would you do instead?');
    expect(pitfallQuestion(pitfall, undefined)).toContain(pitfall.title.toLowerCase());
  });

  it('the grader clears a reply that takes the claim back and not one that repeats it', () => {
    const prompt = content.prompts.find((p) => p.id === card.promptId)!;
    expect(grader.clearsPitfall!(prompt, content.framework, card.itemId, retraction)).toEqual({ cleared: true, committed: false });
    expect(grader.clearsPitfall!(prompt, content.framework, card.itemId, claim)).toEqual({ cleared: false, committed: true });
    expect(grader.clearsPitfall!(prompt, content.framework, card.itemId, '')).toEqual({ cleared: false, committed: false });
  });

  it('a retraction rates good (hard when slow); a repeat or nothing rates again', () => {
    const [item] = drillItems([card], content);
    const cleared = gradeDrill(grader, content.framework, item!, retraction);
    expect(cleared).toMatchObject({ met: true, rating: 'good' });
    expect(gradeDrill(grader, content.framework, item!, retraction, 10 * 60_000).rating).toBe('hard');
    const repeated = gradeDrill(grader, content.framework, item!, claim);
    expect(repeated).toMatchObject({ met: false, partial: false, rating: 'again' });
    expect(repeated.note).toMatch(/again/);
    expect(gradeDrill(grader, content.framework, item!, '')).toMatchObject({ met: false, rating: 'again' });
  });
});

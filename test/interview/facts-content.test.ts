import { describe, expect, it } from 'vitest';
import { findPrompt, loadContent } from '../../src/content/load.js';
import { keywords, matchFact } from '../../src/interview/facts.js';

const content = loadContent();
const same = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((w) => b.has(w));

describe('the fact matcher on the real fact sheets', () => {
  it.each(content.prompts.map((p) => [p.id, p] as const))('%s: every phrasing reaches a fact that lists it', (_id, prompt) => {
    for (const fact of prompt.facts) {
      for (const ask of fact.asks) {
        const match = matchFact(ask, prompt.facts);
        expect(match, `"${ask}" (${fact.id}) matched nothing`).not.toBeNull();
        // Two facts may list the same phrasing; then either is a fair answer.
        expect(match!.fact.asks.some((a) => same(keywords(a), keywords(ask))), `"${ask}" (${fact.id}) → ${match!.fact.id}`).toBe(true);
      }
    }
  });

  const video = findPrompt(content, 'video-recommendations');
  it.each([
    ['How many users do we have?', 'daily-active-users'],
    ['What is the QPS at peak?', 'traffic'],
    ['What latency do we need to hit?', 'latency-budget'],
    ['What should the model optimize for?', 'business-goal'],
    ['What data do we log?', 'interaction-logs'],
    ['How many new videos are uploaded per day?', 'uploads-per-day'],
    ['How much of the traffic is from new users?', 'cold-start'],
    ['What do we know about each video?', 'content-signals'],
    ['Can users delete their history?', 'privacy'],
    ['Do we have GPUs?', 'infrastructure'],
    ['What is the capital of France?', null],
  ])('video-recommendations: %s → %s', (question, factId) => {
    expect(matchFact(question, video.facts)?.fact.id ?? null).toBe(factId);
  });
});

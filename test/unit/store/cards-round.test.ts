import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Outcome } from '../../../src/drill/cards.js';
import { openHistory, type History } from '../../../src/store/history.js';
import { tempDir } from '../../helpers/temp.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 3, 12);
const PROMPT = 'video-recommendations';
const missed = (itemId: string): Outcome => ({ kind: 'criterion', itemId, met: false });
const met = (itemId: string): Outcome => ({ kind: 'criterion', itemId, met: true });

const open: History[] = [];
afterEach(() => {
  for (const h of open.splice(0)) h.db.close();
});
function history(): History {
  const h = openHistory(join(tempDir(), 'coach.db'), {});
  open.push(h);
  return h;
}

describe('a graded answer and the cards it touches', () => {
  it('a second answer the same day that misses a card again does not fail a review the card was never due for', () => {
    const h = history();
    h.cards.recordRound(PROMPT, [missed('vr-qps-estimate')], { at: NOW, source: 'score' });
    const before = h.cards.get({ promptId: PROMPT, kind: 'criterion', itemId: 'vr-qps-estimate' })!;

    const counts = h.cards.recordRound(PROMPT, [missed('vr-qps-estimate')], { at: NOW + 60_000, source: 'score' });

    expect(counts).toEqual({ created: 0, failed: 0, recalled: 0 });
    const after = h.cards.get({ promptId: PROMPT, kind: 'criterion', itemId: 'vr-qps-estimate' })!;
    expect(after.memory.due).toBe(before.memory.due);
    expect(h.cards.reviewsSince(0)).toHaveLength(1);
  });

  it('a miss on a card that is due fails its review, and a card met early is still a recall', () => {
    const h = history();
    h.cards.recordRound(PROMPT, [missed('vr-qps-estimate'), missed('vr-position-bias')], { at: NOW, source: 'score' });

    const later = NOW + 3 * DAY;
    const counts = h.cards.recordRound(PROMPT, [missed('vr-qps-estimate'), met('vr-position-bias')], { at: later, source: 'interview' });

    expect(counts).toEqual({ created: 0, failed: 1, recalled: 1 });
    const early = h.cards.recordRound(PROMPT, [met('vr-qps-estimate')], { at: later + 60_000, source: 'interview' });
    expect(early.recalled).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import type { Asker, TextResult } from '../../../src/interview/asker.js';
import { practicePlan } from '../../../src/interview/plan.js';
import { runSession } from '../../../src/interview/runner.js';
import { openStore } from '../../../src/store/open.js';
import { sessionStore } from '../../../src/store/sessions.js';
import { renderReport } from '../../../src/ui/report.js';
import { terminalSessionView } from '../../../src/ui/session-view.js';
import { shippedContent, shippedGrader } from '../../helpers/shipped.js';

const content = shippedContent();
const grader = await shippedGrader();
const prompt = content.prompts.find((p) => p.id === 'payment-fraud-detection')!;
const accuracy = content.framework.pitfalls.find((p) => p.id === 'accuracy-for-rare-class')!;
const ANSWER = 'Offline, the headline metric is accuracy on a held-out month of payments, and we want it above 99.9%.';

/** A metrics drill on the fraud prompt: the answer above, then the reply to whatever the interviewer asks. */
async function drill(reply: string) {
  const store = sessionStore(openStore(':memory:'));
  const session = store.create({ promptId: prompt.id, mode: 'practice', targetLevel: 'senior', minutes: 10, timer: false, plan: practicePlan('metrics', 10), startedAt: 0 });
  const answers = [ANSWER, reply];
  const asker: Asker = {
    async text(): Promise<TextResult> {
      const text = answers.shift();
      return text === undefined ? { kind: 'end' } : { kind: 'done', text };
    },
    editor: async (initial) => initial,
    choose: async () => prompt.id,
  };
  const output: string[] = [];
  const result = await runSession(session, {
    store, ask: asker, grader, framework: content.framework, prompt, editor: false, now: () => 0,
    view: terminalSessionView({ out: (t) => output.push(t), color: false, width: 100 }),
  });
  const probe = store.entries(session.id).find((e) => e.kind === 'probe')?.text;
  return { grade: result.grade, probe, report: renderReport(result.grade, prompt, content.framework, { color: false, width: 100 }) };
}

describe('an interview probe aimed at a red flag', () => {
  it('is asked first when the phase answer commits a pitfall that has a probe', async () => {
    const { probe } = await drill('It gets 99.9%, which is excellent.');
    expect(probe).toBe(accuracy.probe);
  });

  it('leaves the red flag standing when the reply does not take it back', async () => {
    const { grade } = await drill('It gets 99.9%, which is excellent, so accuracy stays our headline metric.');
    expect(grade.redFlags!.map((f) => f.id)).toContain(accuracy.id);
    expect(grade.clearedFlags ?? []).toEqual([]);
    expect(grade.cap).toBe('mid');
  });

  it('clears it when the reply retracts it, and the report says it was raised and cleared', async () => {
    const reply = 'You are right, accuracy is misleading here: a model that always says no scores 99.9%. We judge it on PR-AUC and recall at a fixed decline rate.';
    const { grade, report } = await drill(reply);
    expect(grade.redFlags!.map((f) => f.id)).not.toContain(accuracy.id);
    expect(grade.clearedFlags!.map((f) => f.id)).toEqual([accuracy.id]);
    expect(grade.cap).toBeNull();
    expect(report).toMatch(/Accuracy as the headline metric on a rare class +metrics · cleared/);
    expect(report).toContain('raised in the interview');
    expect(report).toContain('cleared by your reply');
  });
});

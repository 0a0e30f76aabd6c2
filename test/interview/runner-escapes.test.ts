import { describe, expect, it } from 'vitest';
import type { Asker } from '../../src/interview/asker.js';
import { practicePlan } from '../../src/interview/plan.js';
import { runSession } from '../../src/interview/runner.js';
import { openStore } from '../../src/store/open.js';
import { sessionStore } from '../../src/store/sessions.js';
import { terminalSessionView } from '../../src/ui/session-view.js';
import { fakeGrader, tinyContent, tinyPrompt } from './fake-content.js';

describe('runSession: text back from $EDITOR', () => {
  it('is echoed with its control characters shown, and saved exactly as written', async () => {
    const written = 'ANN index\u001b]0;PWNED\u0007 behind a cache\u001b[2J\n\u009b31m\u202eserved';
    const store = sessionStore(openStore(':memory:'));
    const session = store.create({
      promptId: 'tiny-recs', mode: 'practice', targetLevel: 'senior', minutes: 5, timer: false,
      plan: practicePlan('serving', 5), startedAt: 0,
    });
    const asker: Asker = {
      text: async () => ({ kind: 'editor', text: '' }),
      editor: async () => written,
      choose: async () => 'tiny-recs',
    };
    const output: string[] = [];
    await runSession(session, {
      store, ask: asker, grader: fakeGrader(), framework: tinyContent.framework, prompt: tinyPrompt,
      view: terminalSessionView({ out: (t) => output.push(t), color: true, width: 80 }), now: () => 0, editor: false,
    });
    const echo = output.find((t) => t.includes('ANN index'));
    expect(echo).toBe('\u001b[2m│\u001b[22m ANN index␛]0;PWNED␇ behind a cache␛[2J\n\u001b[2m│\u001b[22m �31m�served\n');
    expect(store.entries(session.id).find((e) => e.kind === 'answer')?.text).toBe(written);
  });
});

describe('runSession: resumed at a follow-up read back from the history', () => {
  it('asks the saved question again with its control characters shown', async () => {
    const store = sessionStore(openStore(':memory:'));
    const session = store.create({
      promptId: 'tiny-recs', mode: 'practice', targetLevel: 'senior', minutes: 5, timer: false,
      plan: practicePlan('serving', 5), startedAt: 0,
    });
    const entry = { factId: null, response: null, elapsedMs: 0, budgetMs: null, at: 0 };
    store.addEntry(session.id, { ...entry, step: 'serving', kind: 'answer', text: 'ANN.' });
    store.addEntry(session.id, { ...entry, step: 'serving', kind: 'probe', text: 'Why\u001b]52;c;aGk=\u0007 so?' });
    const asker: Asker = {
      text: async () => ({ kind: 'done', text: 'Because.' }),
      editor: async (initial) => initial,
      choose: async () => 'tiny-recs',
    };
    const output: string[] = [];
    await runSession(store.get(session.id)!, {
      store, ask: asker, grader: fakeGrader(), framework: tinyContent.framework, prompt: tinyPrompt,
      view: terminalSessionView({ out: (t) => output.push(t), color: false, width: 80 }), now: () => 0, editor: false,
    });
    const text = output.join('');
    expect(text).toContain('Interviewer: Why␛]52;c;aGk=␇ so?');
    expect(text).not.toContain('\u001b');
  });
});

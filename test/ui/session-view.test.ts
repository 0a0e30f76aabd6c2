import { describe, expect, it } from 'vitest';
import type { StepStart } from '../../src/interview/view.js';
import { terminalSessionView } from '../../src/ui/session-view.js';

function view() {
  const shown: string[] = [];
  return { shown, view: terminalSessionView({ out: (t) => shown.push(t), color: false, width: 60 }) };
}

describe('the terminal session view', () => {
  it.each<[StepStart, RegExp, RegExp | null]>([
    [{ kind: 'clarify', step: 'clarifying', focus: 'Ask first.' }, /── Clarifying questions ─+\n$/, /^Ask first\.\nAsk one question per line/],
    [{ kind: 'answer', step: 'metrics', focus: 'Say how.' }, /── Metrics ─+\n$/, /^Say how\.\nFinish with an empty line twice/],
    [{ kind: 'reply', step: 'models', question: 'Why?' }, /── Models ─+\n$/, /^Finish with an empty line twice.*\nInterviewer: Why\?\n$/s],
    // Resumed between an answer and its follow-up: the rule alone.
    [{ kind: 'probe', step: 'serving' }, /── Serving ─+\n$/, null],
  ])('a step opening (%j) shows its rule, then what to do', (start, header, then) => {
    const { shown, view: v } = view();
    v.stepStarted(start, null);
    expect(shown[0]).toMatch(header);
    if (then) expect(shown[1]).toMatch(then);
    expect(shown).toHaveLength(then ? 2 : 1);
  });

  it.each([
    ['nothing', 'Interrupted before anything was written; nothing was saved.'],
    ['questions', 'Interrupted; your questions are saved. Continue with `mlsd resume 7`.'],
    ['typing', 'Interrupted; what you were typing is saved. Continue with `mlsd resume 7`.'],
    ['answers', 'Interrupted; your answers so far are saved. Continue with `mlsd resume 7`.'],
    ['finished', 'Interrupted; session 7 is finished and saved. See it with `mlsd review 7`.'],
  ] as const)('an interruption that kept %s says so', (kept, line) => {
    expect(view().view.interrupted(7, kept)).toBe(line);
  });

  it.each([
    [{ what: 'session', code: 'SQLITE_READONLY_DBMOVED' }, 'could not save the session: the history database is read-only (SQLITE_READONLY_DBMOVED).', /^Everything submitted before is kept; once that is fixed, `mlsd resume 3` continues\.$/],
    [{ what: 'answer', code: 'SQLITE_BUSY' }, 'could not save your answer: the history database is busy (SQLITE_BUSY).', /^Once that is fixed, `mlsd resume 3` continues from what was saved before\.$/],
    [{ what: 'typing', code: 'SQLITE_IOERR_WRITE', file: '/tmp/x/answer.md' }, 'could not save what you were typing: the disk reported an error (SQLITE_IOERR_WRITE).', /^It is also in \/tmp\/x\/answer\.md\. Once/],
    [{ what: 'question', code: 'SQLITE_CORRUPT' }, 'could not save your question: the history database refused the write (SQLITE_CORRUPT).', /mlsd resume 3/],
  ] as const)('a refused write (%j) is one line with a hint', (failure, message, hint) => {
    const words = view().view.saveFailed({ sessionId: 3, ...failure });
    expect(words.message).toBe(message);
    expect(words.hint).toMatch(hint);
  });
});

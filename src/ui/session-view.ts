import type { Kept, SaveFailure, SessionView } from '../interview/view.js';
import {
  answerInstructions,
  clarifyInstructions,
  interviewerSays,
  linePrompt,
  overrunWarning,
  stepHeader,
  stepIntro,
} from './interview-view.js';
import { paint } from './paint.js';
import { safeText } from './safe-text.js';
import { wrap } from './text.js';

const KEPT: Record<Exclude<Kept, 'nothing' | 'finished'>, string> = {
  questions: 'your questions are saved',
  typing: 'what you were typing is saved',
  answers: 'your answers so far are saved',
};

const LOST: Record<Exclude<SaveFailure['what'], 'session'>, string> = {
  question: 'your question',
  answer: 'your answer',
  typing: 'what you were typing',
};

/** Why the history database refused a write, in words, with SQLite's code. */
export function storeReason(code: string): string {
  const reason = code === 'SQLITE_FULL'
    ? 'the disk is full'
    : code.startsWith('SQLITE_READONLY')
      ? 'the history database is read-only'
      : code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')
        ? 'the history database is busy'
        : code.startsWith('SQLITE_IOERR')
          ? 'the disk reported an error'
          : 'the history database refused the write';
  return `${reason} (${code})`;
}

/** A sitting as the terminal shows it, written through `out`. */
export function terminalSessionView(options: { out: (text: string) => void; color: boolean; width: number }): SessionView {
  const { out, color, width } = options;
  const c = paint(color);
  return {
    stepStarted(start, reading) {
      const view = { color, width, timer: reading !== null };
      out(stepHeader(start.step, reading, view));
      // The prompt's own guidance would give the answers away; it stays behind :hint.
      if (start.kind === 'clarify') out(stepIntro(start.focus, view) + clarifyInstructions(view));
      else if (start.kind === 'answer') out(stepIntro(start.focus, view) + answerInstructions(view));
      else if (start.kind === 'reply') out(answerInstructions(view) + interviewerSays(start.question, view));
    },
    interviewerSaid: (text) => out(interviewerSays(text, { color, width })),
    probeAsked: (question) => out(interviewerSays(question, { color, width })),
    draftRestored: () => out(`${c.dim('Restored what you were typing when you stopped:')}\n`),
    edited: (text) => out(`${safeText(text).split('\n').map((l) => `${c.dim('│')} ${l}`).join('\n')}\n`),
    timeUp: () => out(interviewerSays("We're out of time — let's stop there. Here is how it went.", { color, width })),
    // The reason goes on the error line; here, the text alone, easy to copy.
    unsaved: (text) => out(`\nThis could not be saved. Here is what you typed:\n\n${text}\n\n`),
    linePrompt: (reading) => linePrompt(reading, { color }),
    overrunWarning: (step) => overrunWarning(step, { color }),
    hint: (guidance, checklist) => [wrap(guidance, width), ...checklist.map((item) => wrap(item, width, '  • ', '    '))].join('\n'),
    interrupted(id, kept) {
      if (kept === 'nothing') return 'Interrupted before anything was written; nothing was saved.';
      if (kept === 'finished') return `Interrupted; session ${id} is finished and saved. See it with \`mlsd review ${id}\`.`;
      return `Interrupted; ${KEPT[kept]}. Continue with \`mlsd resume ${id}\`.`;
    },
    saveFailed({ sessionId: id, what, code, file }) {
      const reason = storeReason(code);
      if (what === 'session') {
        return {
          message: `could not save the session: ${reason}.`,
          hint: `Everything submitted before is kept; once that is fixed, \`mlsd resume ${id}\` continues.`,
        };
      }
      return {
        message: `could not save ${LOST[what]}: ${reason}.`,
        hint: `${file ? `It is also in ${file}. ` : ''}Once that is fixed, \`mlsd resume ${id}\` continues from what was saved before.`,
      };
    },
  };
}

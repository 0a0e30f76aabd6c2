import { UserError } from '../errors.js';
import type { AnswerSection } from './types.js';

/**
 * How long one grade may take. Every step of grading is linear in the answer's length and an answer at the 1 MB
 * limit grades in a few seconds, so this is far above any real answer: it is the guard for a pathological input
 * that slips past those limits, which then ends with a message instead of a hang.
 */
export const GRADING_LIMIT_MS = 30_000;

/** A check the grader calls between steps (blocks of text, criteria); it throws once the time is up. */
export type DeadlineCheck = () => void;

function describe(sections: readonly AnswerSection[]): string {
  let lines = 0;
  let characters = 0;
  let longest = 0;
  for (const section of sections) {
    for (const line of section.text.split('\n')) {
      lines++;
      characters += line.length;
      longest = Math.max(longest, line.length);
    }
  }
  const n = (x: number) => x.toLocaleString('en-US');
  return `${n(lines)} lines and ${n(characters)} characters, the longest line ${n(longest)}`;
}

/** Starts the clock on one grade; the check stops it with a UserError when `limitMs` has passed. */
export function startDeadline(now: () => number, limitMs: number, sections: readonly AnswerSection[]): DeadlineCheck {
  const started = now();
  return () => {
    if (now() - started <= limitMs) return;
    throw new UserError(`grading took longer than ${Math.round(limitMs / 1000)} s and was stopped; the answer has ${describe(sections)}.`, {
      hint: 'Ordinary answers grade in about a second: split very long lines into sentences and paragraphs under phase headings.',
    });
  };
}

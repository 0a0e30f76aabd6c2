import { PHASE_IDS } from '../phases.js';
import type { AnalysedAnswer } from './analyse.js';
import { STOPWORDS } from './lexicon.js';
import type { AnswerSection } from './types.js';

/**
 * A sentence restates the prompt when nearly all its content words come from one sentence of the prompt's
 * statement (with the sentence after it). Repeating the question decides nothing, so such a sentence earns no
 * criterion outside requirements, where stating the constraints one was given is what an interviewer asks for.
 */
export const RESTATED_SHARE = 0.8;
/** Shorter sentences ("We rank videos.") share most words with any statement by chance; they are judged as usual. */
export const RESTATED_MIN_WORDS = 5;

/** The statement's sentences as plain text: Markdown marks dropped, split at sentence ends, list items and semicolons. */
export function statementSentences(statement: string): string[] {
  return statement
    .replace(/^#.*$/gm, '')
    .replace(/\*\*|__|`/g, '')
    .split(/(?<=[.!?;:])\s+|\n\s*\n|\n\s*[-*]\s+/)
    .map((s) => s.replace(/^\s*[-*]\s+/, '').replace(/\s+/g, ' ').trim())
    .filter((s) => /[a-z]/i.test(s));
}

/** Each window of the statement (a sentence and the one after it) as a set of normalised content terms. */
export function statementWindows(sentenceTerms: readonly string[][]): Set<string>[] {
  return sentenceTerms.map((terms, i) => new Set([...terms, ...(sentenceTerms[i + 1] ?? [])]));
}

/** The answer's sentences that restate the prompt. */
export function restatedSentences(answer: AnalysedAnswer, windows: readonly Set<string>[]): Set<number> {
  const out = new Set<number>();
  if (!windows.length) return out;
  answer.sentences.forEach((sentence, s) => {
    const content = new Set(sentence.terms.map((t) => t.norm).filter((n) => !STOPWORDS.has(n)));
    if (content.size < RESTATED_MIN_WORDS) return;
    for (const window of windows) {
      let shared = 0;
      for (const term of content) if (window.has(term)) shared++;
      if (shared / content.size >= RESTATED_SHARE) {
        out.add(s);
        return;
      }
    }
  });
  return out;
}

/**
 * The statement pasted under all six headings, as an answer that decided nothing: what scripts/evaluate-restatement.mjs
 * grades and test/content/restatement.test.ts holds to requirements-only credit.
 */
export function statementAsAnswer(statement: string): AnswerSection[] {
  const text = statement.replace(/^#.*$/gm, '').replaceAll('**', '');
  return PHASE_IDS.map((phase) => ({ phase, text }));
}

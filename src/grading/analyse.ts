import type { PhaseId } from '../phases.js';
import { splitBlocks, type Block } from './blocks.js';
import { readCommitment, type CommitmentRules } from './commitment.js';
import type { Lexicon, Term } from './lexicon.js';
import { readNegation } from './negation.js';
import type { Nlp } from './nlp.js';
import { NOTE_MAX_WORDS, noteParts } from './notes.js';
import { checkProse } from './prose.js';
import { UnitTracker } from './structure.js';
import type { AnswerSection } from './types.js';

/** A sentence of the answer, ready for matching. */
export interface Sentence {
  /** The candidate's own words (inline Markdown removed). */
  text: string;
  /** Normalised terms, synonym groups collapsed ("approximate nearest neighbour" → one term). */
  terms: Term[];
  /** Normalised terms one per word, groups not collapsed. */
  plain: Term[];
  phase: PhaseId | null;
  section: number;
  /** The paragraph, list item or table row it came from, numbered across the answer. */
  block: number;
  /**
   * The writer's unit of thought (structure.ts): its block, or the block of the lead-in or enumeration it
   * continues ("Two stages:" and the items under it; "First, …" and the "Second, …" paragraph after it).
   */
  unit: number;
  kind: Block['kind'];
  words: number;
  /** Real prose, eligible as evidence (not a list of terms, not a table row or code). */
  prose: boolean;
  listLike: boolean;
  chained: boolean;
  hasNumber: boolean;
  /** False for a question, or a conditional or imagined sentence that commits to nothing: it earns no criterion. */
  credit: boolean;
  /** Asked, not said. */
  question: boolean;
  /**
   * The terms as the writer commits to them: those of held-back clauses (asked, conditional, imagined, judged a
   * mistake) marked negated. Absent when every clause is committed (then `terms` and `plain` serve).
   */
  committed?: { terms: Term[]; plain: Term[] };
  /**
   * Per term of `plain`, whether a dismissal sets it aside ("no need to estimate QPS", "X is overkill"): the signals
   * do not count cues there. Absent when the sentence holds no dismissal.
   */
  dismissed?: boolean[];
}

export interface AnalysedAnswer {
  sentences: Sentence[];
  sections: Array<AnswerSection & { words: number; proseWords: number }>;
  /** Every normalised term → the sentences holding it. */
  index: Map<string, number[]>;
  words: number;
}

/**
 * Longer than this, a run of non-spaces is not a word any rubric phrase can name (the longest real words and most
 * URLs are shorter), and the language model's per-word checks slow down with its length: a 1 MB "word" took over a
 * minute. Such a run is cut to this length before the model sees it.
 */
export const MAX_WORD_CHARS = 100;
// Lines and sentences are not capped: a paragraph's lines are joined before the model sees them, so a line cap would
// not bound anything, and every step after the model is linear in a sentence's length (test/unit/grading/worst-case.test.ts
// grades 1 MB shapes), while cutting sentences would change how long ones are graded. The grading deadline is the backstop.

const OVERLONG_WORD = new RegExp(`\\S{${MAX_WORD_CHARS + 1},}`, 'g');

/** The text with every run of non-spaces cut to MAX_WORD_CHARS (never between the halves of a surrogate pair). */
export function capWords(text: string): string {
  return text.replace(OVERLONG_WORD, (word) => {
    const end = /[\uD800-\uDBFF]/.test(word[MAX_WORD_CHARS - 1]!) ? MAX_WORD_CHARS - 1 : MAX_WORD_CHARS;
    return word.slice(0, end);
  });
}

type Correct = (lower: string, norm: string) => string | undefined;

/**
 * Splits sections into sentences and normalises them; the only step that runs the language model. `check` runs
 * before each block of text (the grading deadline).
 */
export function analyseAnswer(
  sections: readonly AnswerSection[], nlp: Nlp, lexicon: Lexicon, correct?: Correct, check: () => void = () => {},
  rules?: CommitmentRules,
): AnalysedAnswer {
  const sentences: Sentence[] = [];
  const outSections: AnalysedAnswer['sections'] = [];
  let blockIndex = 0;
  sections.forEach((section, sectionIndex) => {
    let words = 0;
    let proseWords = 0;
    const units = new UnitTracker();
    for (const block of splitBlocks(section.text)) {
      if (block.kind === 'code') continue;
      check();
      blockIndex++;
      const unit = units.next(blockIndex, block);
      const read = nlp.sentences(capWords(block.text)).flatMap((raw) => {
        const whole = checkProse(raw.tokens);
        const parts = !whole.prose && whole.words > NOTE_MAX_WORDS ? noteParts(raw.text) : [];
        if (parts.length < 2) return [{ raw, check: whole }];
        return parts.flatMap((part) => nlp.sentences(part)).map((part) => ({ raw: part, check: checkProse(part.tokens) }));
      });
      for (const { raw, check } of read) {
        const { negated, dismissed } = readNegation(raw.tokens, lexicon.negation);
        const { terms, words: plainTerms } = lexicon.terms(raw.tokens, negated, correct);
        // Which of `plain` a dismissal sets aside, for the signals; made only for the few sentences that hold one.
        const dismissedPlain = dismissed.some(Boolean) ? lexicon.terms(raw.tokens, dismissed).words.map((t) => t.negated === true) : undefined;
        const commitment = rules ? readCommitment(raw.tokens, rules) : undefined;
        const held = commitment?.held.some(Boolean)
          ? lexicon.terms(raw.tokens, negated.map((n, i) => (commitment.held[i] ? true : n)), correct)
          : undefined;
        const prose = check.prose && block.kind !== 'table';
        words += check.words;
        if (prose) proseWords += check.words;
        sentences.push({
          text: raw.text,
          terms,
          plain: plainTerms,
          phase: section.phase,
          section: sectionIndex,
          block: blockIndex,
          unit,
          kind: block.kind,
          words: check.words,
          prose,
          listLike: check.listLike,
          chained: check.chained,
          hasNumber: terms.some((t) => t.num),
          credit: commitment?.credit ?? true,
          question: commitment?.question ?? false,
          ...(held ? { committed: { terms: held.terms, plain: held.words } } : {}),
          ...(dismissedPlain ? { dismissed: dismissedPlain } : {}),
        });
      }
    }
    outSections.push({ ...section, words, proseWords });
  });
  const index = new Map<string, number[]>();
  sentences.forEach((s, i) => {
    for (const t of [...s.terms, ...s.plain]) {
      for (const key of t.alt ? [t.norm, t.alt] : [t.norm]) {
        const list = index.get(key);
        if (!list) index.set(key, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    }
  });
  return { sentences, sections: outSections, index, words: outSections.reduce((n, s) => n + s.words, 0) };
}

import type { CommitmentWords } from '../content/schema.js';
import { clauses } from './negation.js';
import type { RawToken } from './nlp.js';

/** Whether a sentence commits its writer to what it names, clause by clause. */
export interface Commitment {
  /** Asked, not said: "Is there a way for users to report posts?" */
  question: boolean;
  /** False when the sentence is a question, or holds a condition or an imagined option and commits to nothing. */
  credit: boolean;
  /**
   * Per token: true when its clause is asked, conditional, imagined, a would-be consequence or judged a mistake.
   * Empty when nothing is held back.
   */
  held: boolean[];
}

/** The word lists compiled for lookups: sets of lemmas and marker phrases as lemma runs. */
export interface CommitmentRules {
  fillers: Set<string>;
  inverted: Set<string>;
  invertedBeforePronoun: Set<string>;
  conditionals: Set<string>;
  modals: Set<string>;
  consequenceModals: Set<string>;
  firstPerson: Set<string>;
  /** Pronouns that open a main clause after a condition. */
  subjects: Set<string>;
  hypotheticalMarkers: string[][];
  rejectionMarkers: string[][];
  objectMarkers: Set<string>;
  pronouns: Set<string>;
  /** Every word that can start a question or hold a clause back: a sentence with none of them commits to all of it. */
  cues: Set<string>;
}

const phraseOf = (text: string) => text.toLowerCase().split(/\s+/).filter(Boolean);

export function commitmentRules(words: CommitmentWords): CommitmentRules {
  const set = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));
  return {
    fillers: set(words.questions.fillers),
    inverted: set(words.questions.inverted),
    invertedBeforePronoun: set(words.questions.invertedBeforePronoun),
    conditionals: set(words.hypothetical.conditionals),
    modals: set(words.hypothetical.modals),
    consequenceModals: set(words.hypothetical.consequenceModals),
    firstPerson: set(words.hypothetical.firstPerson),
    subjects: set(words.hypothetical.subjects),
    hypotheticalMarkers: words.hypothetical.markers.map(phraseOf),
    rejectionMarkers: words.rejection.markers.map(phraseOf),
    objectMarkers: set(words.rejection.objectMarkers),
    pronouns: set(words.rejection.pronouns),
    cues: set([
      ...words.questions.inverted, ...words.questions.invertedBeforePronoun, ...words.hypothetical.conditionals,
      ...words.hypothetical.modals, ...words.hypothetical.consequenceModals,
      ...[...words.hypothetical.markers, ...words.rejection.markers].map((m) => phraseOf(m)[0]!), ...words.rejection.objectMarkers,
    ]),
  };
}

const isWord = (t: RawToken) => t.type !== 'punctuation' && t.type !== 'symbol' && t.pos !== 'PUNCT';
const lower = (t: RawToken) => t.text.toLowerCase();

/** Whether a lemma run starts at token i (matched on lemma or on the word as written). */
function runAt(tokens: readonly RawToken[], i: number, run: readonly string[]): boolean {
  return run.every((w, k) => {
    const t = tokens[i + k];
    return t !== undefined && (t.lemma === w || lower(t) === w);
  });
}

function hasMarker(tokens: readonly RawToken[], from: number, to: number, markers: readonly string[][]): boolean {
  for (let i = from; i < to; i++) if (markers.some((m) => i + m.length <= to && runAt(tokens, i, m))) return true;
  return false;
}

export function isQuestion(tokens: readonly RawToken[], rules: CommitmentRules): boolean {
  const last = [...tokens].reverse().find((t) => t.text.trim());
  if (last?.text === '?') return true;
  let i = 0;
  while (i < tokens.length && (!isWord(tokens[i]!) || rules.fillers.has(tokens[i]!.lemma))) i++;
  const opener = tokens[i];
  const next = tokens[i + 1];
  if (!opener || !next || opener.pos !== 'AUX' && opener.pos !== 'VERB') return false;
  if (rules.inverted.has(opener.lemma) || rules.inverted.has(lower(opener))) return next.pos === 'PRON' || next.pos === 'DET';
  if (rules.invertedBeforePronoun.has(opener.lemma)) return next.pos === 'PRON';
  return false;
}

/**
 * Where a condition ends when no comma closes it: at a subject pronoun that is not the condition's own subject
 * ("if the ranker times out we fall back…": the condition is "if the ranker times out"). The tagger reads "times"
 * as a noun there, so the condition's verb cannot be relied on; its subject and verb take two words at least.
 */
function conditionEnd(tokens: readonly RawToken[], opener: number, end: number, rules: CommitmentRules): number {
  for (let i = opener + 3; i < end; i++) {
    const t = tokens[i]!;
    if (t.pos === 'PRON' && rules.subjects.has(lower(t))) return i;
  }
  return end;
}

/** Where the object of "avoid" ends: the next verb, pronoun, preposition, conjunction or punctuation. */
const OBJECT_END = new Set(['VERB', 'AUX', 'PRON', 'ADP', 'SCONJ', 'CCONJ', 'PUNCT', 'PART']);

const COMMITTED: Commitment = Object.freeze({ question: false, credit: true, held: [] as boolean[] });

/** Whether the sentence opens (after fillers) with an -ing verb: an activity as its subject. */
function gerundOpening(tokens: readonly RawToken[], rules: CommitmentRules): boolean {
  const first = tokens.find((t) => isWord(t) && !rules.fillers.has(t.lemma));
  // The tagger reads a capitalised first word as a name ("Ranking/PROPN new items…").
  return first !== undefined && (first.pos === 'VERB' || first.pos === 'PROPN') && /^[A-Za-z]+ing$/.test(first.text);
}

/**
 * Reads a sentence's commitment. A clause is held back (named without commitment) when it opens with a condition
 * ("if the ranker scored everything…"), holds a hypothetical marker ("a naive…", "one might…"), weighs an option
 * with a modal that has no first-person subject ("running BERT per candidate would need…"), or judges what it
 * names a mistake ("accuracy is misleading"; "…, but it is wrong" judges the clause before too). A question holds
 * back everything.
 */
export function readCommitment(tokens: readonly RawToken[], rules: CommitmentRules): Commitment {
  // Most sentences hold none of the cue words: one pass, no allocation (a 1 MB answer has 300,000 sentences).
  if (!tokens.some((t) => t.text === '?' || rules.cues.has(t.lemma) || rules.cues.has(lower(t)))) return COMMITTED;
  const held = new Array<boolean>(tokens.length).fill(false);
  if (isQuestion(tokens, rules)) return { question: true, credit: false, held: held.fill(true) };
  const parts = clauses(tokens);
  let imagined = false;
  parts.forEach(([start, end], index) => {
    const mark = (from: number, to: number) => held.fill(true, from, to);
    let first = start;
    while (first < end && (!isWord(tokens[first]!) || rules.fillers.has(tokens[first]!.lemma))) first++;
    const opener = tokens[first];
    if (opener && (rules.conditionals.has(opener.lemma) || rules.conditionals.has(lower(opener)))) {
      imagined = true;
      mark(start, conditionEnd(tokens, first, end, rules));
      return;
    }
    if (hasMarker(tokens, start, end, rules.hypotheticalMarkers)) {
      imagined = true;
      mark(start, end);
      return;
    }
    for (let i = start; i < end; i++) {
      const t = tokens[i]!;
      if (t.pos !== 'AUX') continue;
      const option = rules.modals.has(t.lemma) || rules.modals.has(lower(t));
      const consequence = rules.consequenceModals.has(t.lemma) || rules.consequenceModals.has(lower(t));
      if (!option && !consequence) continue;
      if (option || !tokens.slice(start, i).some((s) => rules.firstPerson.has(lower(s)))) {
        // A sentence that opens with an activity ("Ranking new items last until they have clicks would bury…")
        // has that activity for the modal's subject, across the clauses before it.
        mark(gerundOpening(tokens, rules) ? 0 : start, end);
        return;
      }
    }
    for (let i = start; i < end; i++) {
      if (!rules.objectMarkers.has(tokens[i]!.lemma) && !rules.objectMarkers.has(lower(tokens[i]!))) continue;
      let j = i + 1;
      while (j < end && !OBJECT_END.has(tokens[j]!.pos)) j++;
      mark(i, j);
    }
    if (hasMarker(tokens, start, end, rules.rejectionMarkers)) {
      mark(start, end);
      const words = tokens.slice(start, end).filter(isWord);
      const pronounSubject = words.findIndex((w) => rules.pronouns.has(lower(w)));
      // "…, but it is misleading": the pronoun stands for the clause before, which is judged with it.
      if (index > 0 && pronounSubject >= 0 && pronounSubject <= 1) mark(parts[index - 1]![0], parts[index - 1]![1]);
    }
  });
  const committed = held.some((h, i) => !h && isWord(tokens[i]!));
  return { question: false, credit: committed || !imagined, held };
}

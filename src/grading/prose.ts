import type { RawToken } from './nlp.js';

export interface ProseCheck {
  words: number;
  /** A clause with a verb (or a long phrase held together by prepositions) and enough words to explain. */
  prose: boolean;
  /** Mostly short verbless items between commas, slashes or "and": a list of terms, not an explanation. */
  listLike: boolean;
}

const SEGMENT_BREAKS = new Set([',', ';', '/', '+', '(', ')', '|', '·', '•', '&']);
/** Function words glue explanations together; lists of terms have none. */
const FUNCTION_POS = new Set(['DET', 'ADP', 'SCONJ', 'PRON', 'AUX', 'PART']);
export const MIN_PROSE_WORDS = 5;

/**
 * A verb that makes a clause: auxiliaries and verbs, except a bare "-ing" form with no auxiliary before it
 * ("streaming features", "GPU batching" are names of things, not statements).
 */
export function isClauseVerb(t: RawToken, prev: RawToken | undefined): boolean {
  if (t.pos === 'AUX') return true;
  if (t.pos !== 'VERB') return false;
  return !/ing$/i.test(t.text) || prev?.pos === 'AUX' || prev?.pos === 'PRON';
}

export function isWord(t: RawToken): boolean {
  return t.type === 'word' || t.type === 'number' || t.type === 'mention' || t.type === 'hashtag';
}

/** Decides whether a sentence is real prose, from its tokens' parts of speech and shape. */
export function checkProse(tokens: readonly RawToken[]): ProseCheck {
  const words = tokens.filter(isWord).length;
  const segments: { words: number; verb: boolean; number: boolean }[] = [{ words: 0, verb: false, number: false }];
  tokens.forEach((t, i) => {
    if (SEGMENT_BREAKS.has(t.text) || (t.pos === 'CCONJ' && (t.lemma === 'and' || t.lemma === 'or'))) {
      segments.push({ words: 0, verb: false, number: false });
      return;
    }
    const seg = segments[segments.length - 1]!;
    if (isWord(t)) seg.words++;
    if (isClauseVerb(t, tokens[i - 1])) seg.verb = true;
    if (t.type === 'number') seg.number = true;
  });
  const filled = segments.filter((s) => s.words > 0);
  const bare = filled.filter((s) => s.words <= 3 && !s.verb && !s.number).length;
  const functionWords = tokens.filter((t) => FUNCTION_POS.has(t.pos)).length;
  const explained = words >= 12 && tokens.some((t) => t.pos === 'ADP' || t.pos === 'SCONJ');
  const listLike = filled.length >= 4 && bare / filled.length >= 0.6 && !explained;
  const hasVerb = tokens.some((t, i) => isClauseVerb(t, tokens[i - 1]));
  const linked = words >= 7 && functionWords >= 2;
  const quantified = words >= 6 && tokens.filter((t) => t.type === 'number').length >= 3;
  return { words, listLike, prose: !listLike && words >= MIN_PROSE_WORDS && (hasVerb || linked || quantified) };
}

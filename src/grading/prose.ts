import type { RawToken } from './nlp.js';

export interface ProseCheck {
  words: number;
  /** Over RUN_ON_WORDS words with hardly any punctuation: terms chained with "and", not sentences. */
  runOn: boolean;
  /** A clause with a verb (or a long phrase held together by prepositions) and enough words to explain. */
  prose: boolean;
  /**
   * Mostly short verbless items between commas, slashes or "and", or terms chained "A and B and C and D": a
   * list. A list is evidence only while it names few criteria (a feature list), see the grader.
   */
  listLike: boolean;
  /** Terms chained "A and B and C and D": never how an explanation is written, so never evidence. */
  chained: boolean;
}

const SEGMENT_BREAKS = new Set([',', ';', '+', '(', ')', '|', '·', '•', '&']);
/** Function words glue explanations together; lists of terms have none. */
const FUNCTION_POS = new Set(['DET', 'ADP', 'SCONJ', 'PRON', 'AUX', 'PART']);
export const MIN_PROSE_WORDS = 5;
export const RUN_ON_WORDS = 60;
/** A real long sentence breaks at a comma, semicolon or colon at least this often (in words). */
const WORDS_PER_BREAK = 25;

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

interface Segment {
  words: number;
  verb: boolean;
  number: boolean;
  /** Opened and closed by "and": the B and C of "A and B and C and D". */
  openedByAnd: boolean;
  closedByAnd: boolean;
}

function segmentsOf(tokens: readonly RawToken[]): Segment[] {
  const fresh = (openedByAnd: boolean): Segment => ({ words: 0, verb: false, number: false, openedByAnd, closedByAnd: false });
  const segments = [fresh(false)];
  tokens.forEach((t, i) => {
    const isAnd = t.pos === 'CCONJ' && t.lemma === 'and';
    if (SEGMENT_BREAKS.has(t.text) || isAnd || (t.pos === 'CCONJ' && t.lemma === 'or')) {
      segments[segments.length - 1]!.closedByAnd = isAnd;
      segments.push(fresh(isAnd));
      return;
    }
    const seg = segments[segments.length - 1]!;
    if (isWord(t)) seg.words++;
    if (isClauseVerb(t, tokens[i - 1])) seg.verb = true;
    if (t.type === 'number' || (t.type === 'mention' && /\d/.test(t.text))) seg.number = true;
  });
  return segments.filter((s) => s.words > 0);
}

/** Decides whether a sentence is real prose, from its tokens' parts of speech and shape. */
export function checkProse(tokens: readonly RawToken[]): ProseCheck {
  const words = tokens.filter(isWord).length;
  const segments = segmentsOf(tokens);
  const isBare = (s: Segment) => s.words <= 3 && !s.verb && !s.number;
  const bare = segments.filter(isBare).length;
  // An explanation that lists things still links them with prepositions; one "per" among twelve terms does not.
  const links = tokens.filter((t) => t.pos === 'ADP' || t.pos === 'SCONJ').length;
  const explained = words >= 12 && links >= Math.max(1, Math.floor(segments.length / 6));
  const chained = segments.filter((s) => s.openedByAnd && s.closedByAnd && isBare(s)).length >= 2;
  const listLike = (segments.length >= 4 && bare / segments.length >= 0.6 && !explained) || chained;
  // In a list, a "verb" after the first item is usually a noun mis-tagged ("feature crosses", "log loss").
  const hasVerb = listLike ? Boolean(segments[0]?.verb) : tokens.some((t, i) => isClauseVerb(t, tokens[i - 1]));
  const functionWords = tokens.filter((t) => FUNCTION_POS.has(t.pos)).length;
  const linked = words >= 7 && functionWords >= 2;
  const quantified = words >= 6 && tokens.filter((t) => t.type === 'number').length >= 3;
  const breaks = tokens.filter((t) => t.type === 'punctuation' && /^[,;:()—–]$/.test(t.text)).length;
  const runOn = words > RUN_ON_WORDS && breaks < words / WORDS_PER_BREAK;
  return { words, listLike, chained, runOn, prose: !runOn && words >= MIN_PROSE_WORDS && (hasVerb || linked || quantified) };
}

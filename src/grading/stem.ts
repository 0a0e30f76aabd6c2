/**
 * A small, deterministic suffix stemmer applied after wink-nlp's lemma, to answer words and rubric phrases
 * alike, so "personalised", "personalization" and "personalize" meet on one form. It only has to be
 * consistent, not linguistically right: both sides go through it.
 */
const SUFFIXES: ReadonlyArray<readonly [suffix: string, replacement: string, minStem: number]> = [
  ['isation', 'ize', 3],
  ['ization', 'ize', 3],
  ['ational', 'ate', 3],
  ['ation', 'ate', 3],
  ['ising', 'ize', 3],
  ['izing', 'ize', 3],
  ['ised', 'ize', 3],
  ['ized', 'ize', 3],
  ['ness', '', 4],
  ['ment', '', 5],
  ['ity', '', 4],
  ['ing', '', 3],
  ['ed', '', 3],
  ['al', '', 6],
];

const DOUBLE_CONSONANT = /([bcdfgkmnprt])\1$/;

/** "-ing" nouns with a meaning of their own: a marketplace listing is not a ranked list. */
const KEEP_ING = new Set(['listing']);

function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is|as|ys)$/.test(word)) return word.slice(0, -1);
  return word;
}

function britishToAmerican(word: string): string {
  if (word.length >= 6 && word.endsWith('our')) return `${word.slice(0, -3)}or`;
  if (word.length >= 7 && word.endsWith('ise')) return `${word.slice(0, -3)}ize`;
  if (word.length >= 6 && word.endsWith('yse')) return `${word.slice(0, -3)}yze`;
  if (word.length >= 7 && word.endsWith('ogue')) return word.slice(0, -2);
  if (word.length >= 5 && word.endsWith('tre')) return `${word.slice(0, -3)}ter`;
  return word;
}

/** Reduces a lower-case word to a stem; words with digits or symbols are returned as they are. */
export function stem(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  let w = britishToAmerican(singular(word));
  if (KEEP_ING.has(w)) return w;
  for (const [suffix, replacement, minStem] of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= minStem) {
      const base = w.slice(0, -suffix.length);
      if ((suffix === 'ing' || suffix === 'ed') && !/[aeiouy]/.test(base)) continue;
      w = base + replacement;
      if ((suffix === 'ing' || suffix === 'ed') && (DOUBLE_CONSONANT.test(w) || (w.length >= 5 && w.endsWith('ll')))) {
        w = w.slice(0, -1);
      }
      break;
    }
  }
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

import type { Fact } from '../content/schema.js';

const STOP = new Set(
  `a an the is are was were be been do does did we our you your i me my us they their it its this that these those
  there here what whats what's how many much which who whom when where why would could should can will shall may
  might of for to in on at by from with about and or if so as any some have has had like just please tell
  expect expected roughly approximately around get`.split(/\s+/),
);

/** Light stemming so "users"/"user", "labelled"/"labels", "latencies"/"latency" meet. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 6 && w.endsWith('ion')) w = w.slice(0, -3);
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 4 && /(ll|tt|nn|pp)$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Lower-case content words, stemmed, without filler words. */
export function keywords(text: string): Set<string> {
  const words = text.toLowerCase().replace(/['’]/g, '').match(/[a-z0-9]+/g) ?? [];
  return new Set(words.filter((w) => !STOP.has(w)).map(stem));
}

export interface FactMatch {
  fact: Fact;
  /** Share of the best phrasing's words that the question contains (0–1). */
  score: number;
}

/**
 * The fact a clarifying question asks about: the fact with a phrasing of which the question contains most
 * of the words (at least 60%); more words shared wins, then a larger share, then a key fact. Null when
 * nothing on the sheet fits, so the interviewer asks for an assumption.
 */
export function matchFact(question: string, facts: readonly Fact[]): FactMatch | null {
  const asked = keywords(question);
  if (asked.size === 0) return null;
  let best: (FactMatch & { overlap: number }) | null = null;
  for (const fact of facts) {
    for (const phrase of [...fact.asks, fact.topic]) {
      const words = keywords(phrase);
      if (words.size === 0) continue;
      const overlap = [...words].filter((w) => asked.has(w)).length;
      const score = overlap / words.size;
      if (overlap === 0 || score < 0.6) continue;
      const better =
        !best ||
        overlap > best.overlap ||
        (overlap === best.overlap && (score > best.score || (score === best.score && fact.key && !best.fact.key)));
      if (better) {
        best = { fact, score, overlap };
      }
    }
  }
  return best && { fact: best.fact, score: best.score };
}

export const UNKNOWN_FACT_REPLY = "That's not specified; state an assumption and move on.";

import type { AnalysedAnswer, Sentence } from './analyse.js';
import { matchPhrase, type Hit, type PhraseMatch } from './match.js';
import type { CompiledCriterion } from './rubric.js';
import { isPhaseId, phaseInfo } from '../phases.js';

/** A quoted phrase longer than this shows its ends only: "position … as a feature". */
const MAX_QUOTED_WORDS = 6;
/** A quoted sentence longer than this is cut at a word, with "…". */
const MAX_QUOTED_CHARS = 90;

/**
 * The answer's own words where one concept group of a criterion was found in a sentence ("position bias"), as
 * the matcher saw them: a miss's note quotes them so that a reader can check the note against the text.
 */
export function seenWords(criterion: CompiledCriterion, group: number, sentence: Sentence, accept: (h: Hit) => boolean): string | undefined {
  for (const phrase of criterion.groups[group] ?? []) {
    const m = matchPhrase(sentence, phrase, criterion.acceptsExclusion);
    if (m && accept(m.hit)) return asWritten(sentence.text, m);
  }
  return undefined;
}

/** The matched words as the writer wrote them ("A/B test", not "a b test") when they can be found again in the text. */
function asWritten(text: string, m: PhraseMatch): string {
  const words = m.terms.slice(m.from, m.to + 1).flatMap((t) => t.lower.split(/\s+/));
  const find = (part: readonly string[]) => {
    const pattern = part.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\p{L}\\p{N}]+');
    return new RegExp(pattern, 'iu').exec(text)?.[0] ?? part.join(' ');
  };
  if (words.length <= MAX_QUOTED_WORDS) return find(words);
  return `${find(words.slice(0, 2))} … ${find(words.slice(-2))}`;
}

/** A sentence of the answer as a note quotes it: whole when short, else cut at a word. */
export function excerpt(answer: AnalysedAnswer, s: number): string {
  const text = answer.sentences[s]!.text.trim();
  if (text.length <= MAX_QUOTED_CHARS) return text;
  const cut = text.slice(0, MAX_QUOTED_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40)).trimEnd()}…`;
}

/** The heading a sentence was written under, as the report names phases. */
export function placeOf(sentence: Sentence): string {
  return sentence.phase && isPhaseId(sentence.phase) ? phaseInfo(sentence.phase).title : 'under no phase heading';
}

import type { AnalysedAnswer } from './analyse.js';
import { phraseHits, type Hit } from './match.js';
import type { CompiledCriterion } from './rubric.js';
import { excerpt, placeOf, seenWords } from './seen.js';
import { continuesEnumeration } from './structure.js';

export interface CriterionOutcome {
  met: boolean;
  /** The sentence (or up to three consecutive sentences) that earned it, as written. */
  evidence: string | null;
  evidenceSentences: number[];
  /** Why an unmet criterion was close: only in a list, only negated, part of its ideas, no number. */
  note?: string;
}

/** For each concept group of a criterion: sentence → how the group appears there. */
export type GroupHits = Array<Map<number, Hit>>;

export function groupHits(criterion: CompiledCriterion, answer: AnalysedAnswer): GroupHits {
  return criterion.groups.map((phrases) => {
    const merged = new Map<number, Hit>();
    for (const phrase of phrases) {
      for (const [sentence, hit] of phraseHits(answer, phrase, criterion.acceptsExclusion)) {
        if (merged.get(sentence) !== 'yes') merged.set(sentence, hit);
      }
    }
    return merged;
  });
}

export interface Passage {
  sentences: number[];
  inPhase: boolean;
}

type Eligible = (sentence: number) => boolean;
/** How far apart (in sentences) two parts of one unit of thought may be: a long paragraph, or an enumeration. */
const MAX_UNIT_SPAN = 12;
/** Whether a sentence that is not evidence alone (a terse note) may join the eligible sentence beside it. */
export type Joinable = (note: number, prose: number) => boolean;

/**
 * Passages (one sentence, or up to three consecutive ones in a section, or with `spread` two sentences of one unit
 * of thought further apart: structure.ts) where enough groups appear affirmatively.
 * A joinable note counts only beside an eligible sentence that itself names part of the criterion: the note says
 * what, the sentence says why ("Main: GBDT on tabular features. It handles missing values and runs in 5 ms.").
 */
function passages(
  criterion: CompiledCriterion, hits: GroupHits, answer: AnalysedAnswer, eligible: Eligible, accept: (h: Hit) => boolean,
  joinable?: Joinable, spread = false,
): Passage[] {
  const numeric = criterion.criterion.numeric === true;
  const groupsAt = (s: number, asNote = false): Set<number> => {
    const out = new Set<number>();
    if (!eligible(s) && !asNote) return out;
    hits.forEach((m, g) => {
      const h = m.get(s);
      if (h && accept(h)) out.add(g);
    });
    return out;
  };
  const candidates = new Set<number>();
  for (const m of hits) for (const s of m.keys()) candidates.add(s);
  const found: Passage[] = [];
  for (const s of [...candidates].sort((a, b) => a - b)) {
    const here = groupsAt(s);
    const sentence = answer.sentences[s]!;
    const inPhase = sentence.phase === criterion.criterion.phase;
    if (here.size >= criterion.need && (!numeric || sentence.hasNumber)) {
      found.push({ sentences: [s], inPhase });
      continue;
    }
    // A neighbour, or the one after it: writers often put the "what" and the "so what" one sentence apart.
    for (const t of [s - 1, s + 1, s - 2, s + 2]) {
      const other = answer.sentences[t];
      if (!other || other.section !== sentence.section) continue;
      const asNote = here.size === 0 && joinable !== undefined && eligible(t) && joinable(s, t);
      const mine = asNote ? groupsAt(s, true) : here;
      const there = groupsAt(t);
      const union = new Set([...mine, ...there]);
      if (mine.size === 0 || there.size === 0 || union.size < criterion.need) continue;
      if (numeric && !sentence.hasNumber && !other.hasNumber) continue;
      const lo = Math.min(s, t);
      const hi = Math.max(s, t);
      found.push({ sentences: hi - lo === 1 ? [lo, hi] : [lo, lo + 1, hi], inPhase: inPhase || other.phase === criterion.criterion.phase });
    }
    if (spread && here.size > 0 && !found.some((p) => p.sentences.includes(s))) found.push(...acrossUnit(s, here));
  }
  return found;

  /** Two sentences of one unit of thought further apart than the neighbours tried above, each naming part of it. */
  function acrossUnit(s: number, here: Set<number>): Passage[] {
    const sentence = answer.sentences[s]!;
    const out: Passage[] = [];
    const end = Math.min(answer.sentences.length, s + MAX_UNIT_SPAN + 1);
    for (let t = s + 3; t < end && answer.sentences[t]!.unit === sentence.unit; t++) {
      const other = answer.sentences[t]!;
      if (other.block === sentence.block && !continuesEnumeration(other.text)) continue;
      const there = groupsAt(t);
      if (there.size === 0 || new Set([...here, ...there]).size < criterion.need) continue;
      if (numeric && !sentence.hasNumber && !other.hasNumber) continue;
      out.push({ sentences: [s, t], inPhase: sentence.phase === criterion.criterion.phase || other.phase === criterion.criterion.phase });
    }
    return out;
  }
}

/** Under the criterion's own phase first, then shorter, then earlier. */
const preference = (a: Passage, b: Passage) =>
  Number(b.inPhase) - Number(a.inPhase) || a.sentences.length - b.sentences.length || a.sentences[0]! - b.sentences[0]!;

function best(found: Passage[]): Passage | undefined {
  return [...found].sort(preference)[0];
}

/** Every passage where enough groups appear as `accept` allows, the preferred first (red flags use all of them). */
export function findPassages(
  criterion: CompiledCriterion, hits: GroupHits, answer: AnalysedAnswer, eligible: Eligible, accept: (h: Hit) => boolean,
): Passage[] {
  return passages(criterion, hits, answer, eligible, accept).sort(preference);
}

/**
 * Decides one criterion: met when `need` concept groups appear, not negated, in one passage of real prose
 * (and with a number when the criterion is numeric). Evidence prefers a passage under the criterion's own phase.
 */
export function evaluateCriterion(
  criterion: CompiledCriterion, hits: GroupHits, answer: AnalysedAnswer, eligible: Eligible, joinable?: Joinable,
): CriterionOutcome {
  const chosen = best(passages(criterion, hits, answer, eligible, (h) => h === 'yes', joinable, true));
  if (chosen) {
    return {
      met: true,
      evidence: quote(answer, chosen.sentences),
      evidenceSentences: chosen.sentences,
    };
  }
  return { met: false, evidence: null, evidenceSentences: [], note: nearMiss(criterion, hits, answer, eligible) };
}

/**
 * The passage as written: "…" where sentences between its parts are left out, and " / " between two lines of notes
 * that end without punctuation, so that "co-watch" and "Stage 2, ranking" do not read as one phrase.
 */
function quote(answer: AnalysedAnswer, sentences: readonly number[]): string {
  return sentences
    .map((s, i) => {
      if (i === 0) return answer.sentences[s]!.text;
      const previous = answer.sentences[sentences[i - 1]!]!.text;
      const gap = s - sentences[i - 1]! > 1 ? '… ' : /[.!?:;,…)"”']$/.test(previous.trim()) ? '' : '/ ';
      return gap + answer.sentences[s]!.text;
    })
    .join(' ');
}

/**
 * Why an unmet criterion was close, quoting what was seen (a sentence, or the words where each part was found) so
 * that the note can be checked against the answer rather than taken on trust.
 */
function nearMiss(criterion: CompiledCriterion, hits: GroupHits, answer: AnalysedAnswer, eligible: Eligible): string | undefined {
  const anywhere = () => true;
  const quoted = (s: number) => `"${excerpt(answer, s)}"`;
  const listed = passages(criterion, hits, answer, anywhere, (h) => h === 'yes').sort(preference)[0];
  if (listed) return `named only in a list or a fragment, not explained: ${quoted(listed.sentences[0]!)}`;
  const setAside = passages(criterion, hits, answer, eligible, () => true).sort(preference)[0];
  if (setAside) {
    const negated = setAside.sentences.find((s) => hits.some((m) => m.get(s) === 'negated')) ?? setAside.sentences[0]!;
    return `mentioned only to set it aside: ${quoted(negated)}`;
  }
  if (criterion.criterion.numeric) {
    const bare = passages({ ...criterion, criterion: { ...criterion.criterion, numeric: false } }, hits, answer, eligible, (h) => h === 'yes').sort(preference)[0];
    if (bare) return `named, but without a number: ${quoted(bare.sentences[0]!)}`;
  }
  const seen = hits.flatMap((m, g) => {
    const at = [...m.entries()].filter(([s, h]) => h === 'yes' && eligible(s)).map(([s]) => s);
    const s = at.find((x) => answer.sentences[x]!.phase === criterion.criterion.phase) ?? at[0];
    const words = s === undefined ? undefined : seenWords(criterion, g, answer.sentences[s]!, (h) => h === 'yes');
    return s === undefined || !words ? [] : [{ g, text: `"${words}" (${placeOf(answer.sentences[s]!)})` }];
  });
  const missing = criterion.criterion.concepts.filter((_, g) => !seen.some((x) => x.g === g)).map((group) => `"${group[0]}"`);
  if (seen.length >= criterion.need) return `only apart, never in one passage: ${seen.map((x) => x.text).join('; ')}`;
  if (seen.length && missing.length) {
    return `only in part: ${seen.map((x) => x.text).join('; ')}, with nothing on ${missing.slice(0, 2).join(' or ')} in the same passage`;
  }
  return undefined;
}

import type { Framework, Pitfall, Prompt } from '../content/schema.js';
import { PHASE_IDS, type PhaseId } from '../phases.js';
import type { AnalysedAnswer } from './analyse.js';
import { findPassages, groupHits } from './evaluate.js';
import { STOPWORDS, type Lexicon } from './lexicon.js';
import { findPhrase, phraseHits } from './match.js';
import type { CompiledCriterion } from './rubric.js';

export interface CompiledPitfall {
  pitfall: Pitfall;
  /** From data/framework.yaml rather than the prompt. */
  framework: boolean;
  /** The claim, compiled as a criterion is, so that the criteria's matcher and passage rules find it. */
  claim: CompiledCriterion;
  /** Phrasings of the `unless` groups, normalised; any of them in the passage clears it. */
  unless: string[][];
}

/** A pitfall the answer commits to, with the passage that commits it. */
export interface PitfallHit {
  compiled: CompiledPitfall;
  evidence: string;
  sentences: number[];
}

/** The pitfalls that apply to a prompt: its own, then the framework's. */
export function applicablePitfalls(prompt: Prompt, framework: Framework): Array<{ pitfall: Pitfall; framework: boolean }> {
  return [
    ...prompt.pitfalls.map((pitfall) => ({ pitfall, framework: false })),
    ...framework.pitfalls.map((pitfall) => ({ pitfall, framework: true })),
  ];
}

export function compilePitfalls(prompt: Prompt, framework: Framework, lexicon: Lexicon): CompiledPitfall[] {
  const applicable = applicablePitfalls(prompt, framework);
  const phrases = applicable.flatMap(({ pitfall }) => [...pitfall.claim.flat(), ...(pitfall.unless ?? []).flat()]);
  const normalised = lexicon.phrases(phrases);
  let next = 0;
  const take = () => normalised[next++]!.terms;
  // An unless phrasing is matched with its small words: "precision at" (precision at a decline rate) must not
  // shrink to "precision", which would clear every sentence naming precision.
  const asWritten = () => {
    const { terms, words } = normalised[next++]!;
    const all = words.map(([, norm]) => norm);
    return all.length > terms.length && all.some((w) => STOPWORDS.has(w)) ? all : terms;
  };
  return applicable.map(({ pitfall, framework: fromFramework }) => {
    const groups = pitfall.claim.map((group) => group.map(take).filter((terms) => terms.length > 0));
    const unless = (pitfall.unless ?? []).flat().map(asWritten).filter((terms) => terms.length > 0);
    const criterion = {
      id: pitfall.id, phase: pitfall.phase, title: pitfall.title, weight: 1, level: 'mid' as const,
      concepts: pitfall.claim, why: pitfall.why, strong: pitfall.instead,
    };
    return {
      pitfall,
      framework: fromFramework,
      claim: { criterion, framework: fromFramework, groups, need: Math.min(pitfall.need ?? groups.length, groups.length), acceptsExclusion: false },
      unless,
    };
  });
}

/** The answer as its writer commits to it: held-back clauses (asked, imagined, judged a mistake) read as negated. */
export function committedView(answer: AnalysedAnswer): AnalysedAnswer {
  if (!answer.sentences.some((s) => s.committed)) return answer;
  return { ...answer, sentences: answer.sentences.map((s) => (s.committed ? { ...s, terms: s.committed.terms, plain: s.committed.plain } : s)) };
}

/**
 * The pitfalls an answer commits: all claim groups (or `need` of them) found, affirmatively and committed, in one
 * sentence of prose (the criteria's matcher and eligibility), with no `unless` phrasing in that sentence. Of several
 * such sentences, the one holding most of the claim's phrasings is the evidence. `check` runs before each pitfall
 * (the grading deadline).
 */
export function detectPitfalls(
  pitfalls: readonly CompiledPitfall[], answer: AnalysedAnswer, eligible: (sentence: number) => boolean, phases: readonly PhaseId[],
  check: () => void = () => {},
): PitfallHit[] {
  const committed = committedView(answer);
  const found: PitfallHit[] = [];
  for (const compiled of pitfalls) {
    if (!phases.includes(compiled.pitfall.phase)) continue;
    check();
    const hits = groupHits(compiled.claim, committed);
    // A claim is made in one sentence: neighbours joined as for criteria (the "what" and its "so what") would
    // assemble a claim from words nobody wrote together ("new labels" here, "reports" in the next sentence).
    const passages = findPassages(compiled.claim, hits, committed, eligible, (h) => h === 'yes').filter((p) => p.sentences.length === 1);
    if (!passages.length) continue;
    const cleared = new Set<number>();
    for (const phrase of compiled.unless) for (const [s, hit] of phraseHits(answer, phrase)) if (hit === 'yes') cleared.add(s);
    const open = passages.filter((p) => !p.sentences.some((s) => cleared.has(s)));
    if (!open.length) continue;
    // The sentence that states the claim most fully (most of its phrasings) is the one to quote.
    const fullness = (s: number) => phrasingsAt(compiled, committed, s);
    const passage = open.reduce((a, b) => (fullness(b.sentences[0]!) > fullness(a.sentences[0]!) ? b : a));
    found.push({ compiled, sentences: passage.sentences, evidence: passage.sentences.map((s) => answer.sentences[s]!.text).join(' ') });
  }
  const phaseOrder = (h: PitfallHit) => PHASE_IDS.indexOf(h.compiled.pitfall.phase);
  return dropShadowed(found).sort((a, b) => phaseOrder(a) - phaseOrder(b) || a.sentences[0]! - b.sentences[0]!);
}

/**
 * Whether a reply takes a pitfall back: it does not commit the claim again, and it either holds an `unless`
 * phrasing (the writer shows they know better) or names the claim's ideas negated, rejected or judged a mistake
 * in a sentence that is not a question ("No — accuracy is misleading here; we'd use PR-AUC").
 */
export function replyClears(compiled: CompiledPitfall, reply: AnalysedAnswer, eligible: (sentence: number) => boolean): boolean {
  if (detectPitfalls([compiled], reply, eligible, [compiled.pitfall.phase]).length) return false;
  for (const phrase of compiled.unless) for (const hit of phraseHits(reply, phrase).values()) if (hit === 'yes') return true;
  const committed = committedView(reply);
  return groupHits(compiled.claim, committed).some((group) => [...group].some(([s, hit]) => hit === 'negated' && !reply.sentences[s]!.question));
}

/** How many claim phrasings a sentence holds. */
function phrasingsAt(compiled: CompiledPitfall, answer: AnalysedAnswer, s: number): number {
  const sentence = answer.sentences[s]!;
  return compiled.claim.groups.reduce((n, group) => n + group.filter((phrase) => findPhrase(sentence, phrase) === 'yes').length, 0);
}

/**
 * A framework pitfall and a prompt's own often name one mistake in two ways (a heavy model over the whole
 * catalogue; the ranker over the 50 million active videos): when they share a sentence, the prompt's own stays.
 */
function dropShadowed(found: PitfallHit[]): PitfallHit[] {
  const own = new Set(found.filter((f) => !f.compiled.framework).flatMap((f) => f.sentences));
  return found.filter((f) => !f.compiled.framework || !f.sentences.some((s) => own.has(s)));
}

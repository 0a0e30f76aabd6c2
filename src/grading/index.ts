import type { Framework, Prompt, Vocabulary } from '../content/schema.js';
import { PHASE_IDS, type PhaseId } from '../phases.js';
import { analyseAnswer, type AnalysedAnswer } from './analyse.js';
import { askedFactsResult } from './asked-facts.js';
import { GRADING_LIMIT_MS, startDeadline } from './deadline.js';
import { evaluateCriterion, groupHits, type GroupHits } from './evaluate.js';
import { Lexicon } from './lexicon.js';
import { loadNlp, type Nlp } from './nlp.js';
import { compileRubric, criteriaOfPhases, type CompiledCriterion, type CompiledRubric } from './rubric.js';
import { depthSignal, gateOf, levelBars, phaseResults, round1, totalScore, verdict } from './score.js';
import { quantitativeSignal, structureSignal, tradeoffSignal } from './signals.js';
import type { CriterionResult, Grade, GradeInput } from './types.js';

export type { AnswerSection, CriterionResult, Grade, GradeInput, LevelBar, PhaseResult, Signals } from './types.js';
export { parseAnswerMarkdown, headingPhase } from './markdown.js';

/** The grading deadline's clock and limit; injected so that tests need not wait. */
export interface GraderOptions {
  /** Milliseconds, from any origin (default Date.now). */
  now?: () => number;
  /** How long one grade may take before it stops with a UserError (default GRADING_LIMIT_MS). */
  limitMs?: number;
}

/** A loaded grader: language resources are loaded once, then grading is pure and synchronous. */
export interface Grader {
  grade(prompt: Prompt, framework: Framework, input: GradeInput): Grade;
}

/**
 * A sentence that on its own satisfies PACKED_CRITERIA criteria at under PACKED_WORDS words each is a list of
 * terms wearing a verb ("we use NDCG, ANN, MMR, A/B tests…"); a list-like sentence that satisfies
 * LIST_CRITERIA is a buzzword list rather than a feature list. Neither is evidence.
 */
const PACKED_CRITERIA = 5;
const PACKED_WORDS = 4;
const LIST_CRITERIA = 3;
/** A terse note under the criterion's own heading ("Offline: AUC, log loss.") earns this share of the weight. */
const NOTE_CREDIT = 0.5;
/** Longer than this, a sentence that is not prose is a list or a run-on, not a note. */
const NOTE_MAX_WORDS = 15;

function listSentences(compiled: readonly CompiledCriterion[], hits: readonly GroupHits[], answer: AnalysedAnswer): Set<number> {
  const counts = new Map<number, number>();
  hits.forEach((groups, i) => {
    const perSentence = new Map<number, number>();
    for (const group of groups) for (const [s, h] of group) if (h === 'yes') perSentence.set(s, (perSentence.get(s) ?? 0) + 1);
    for (const [s, n] of perSentence) if (n >= compiled[i]!.need) counts.set(s, (counts.get(s) ?? 0) + 1);
  });
  const lists = new Set<number>();
  for (const [s, n] of counts) {
    const sentence = answer.sentences[s]!;
    if ((n >= PACKED_CRITERIA && sentence.words / n < PACKED_WORDS) || (sentence.listLike && n >= LIST_CRITERIA)) lists.add(s);
  }
  return lists;
}

class RubricGrader implements Grader {
  /** Compiled rubrics by prompt id: phrases are normalised once per grader (again if the content objects change). */
  private readonly compiled = new Map<string, { prompt: Prompt; framework: Framework; rubric: CompiledRubric }>();

  constructor(
    private readonly nlp: Nlp,
    private readonly lexicon: Lexicon,
    private readonly now: () => number,
    private readonly limitMs: number,
  ) {}

  private rubricFor(prompt: Prompt, framework: Framework): CompiledRubric {
    const cached = this.compiled.get(prompt.id);
    if (cached && cached.prompt === prompt && cached.framework === framework) return cached.rubric;
    const rubric = compileRubric(prompt, framework, this.lexicon);
    this.compiled.set(prompt.id, { prompt, framework, rubric });
    return rubric;
  }

  grade(prompt: Prompt, framework: Framework, input: GradeInput): Grade {
    const check = startDeadline(this.now, this.limitMs, input.sections);
    const graded: PhaseId[] = input.phases?.length ? PHASE_IDS.filter((p) => input.phases!.includes(p)) : [...PHASE_IDS];
    const rubric = this.rubricFor(prompt, framework);
    // Only words the English lexicon does not know are typo candidates: "appear" must not become "appeal".
    const correct = (lower: string, norm: string) => (this.nlp.isKnownWord(lower) ? undefined : rubric.typos.correct(lower, norm));
    const answer = analyseAnswer(input.sections, this.nlp, this.lexicon, correct, check);
    const compiled = criteriaOfPhases(rubric, graded);
    const hits = compiled.map((c) => {
      check();
      return groupHits(c, answer);
    });
    const lists = listSentences(compiled, hits, answer);
    const eligible = (s: number) => answer.sentences[s]!.prose && !answer.sentences[s]!.chained && !lists.has(s);

    // A terse note: a short line that is not prose, not list-packed, not chained, not a table row or code.
    const noteShaped = (s: number) => {
      const x = answer.sentences[s]!;
      return !x.chained && !lists.has(s) && x.words >= 2 && x.words <= NOTE_MAX_WORDS && x.kind !== 'code' && x.kind !== 'table';
    };
    // Notes earn part credit under a heading of the criterion's own phase…
    const noteIn = (phase: PhaseId) => (s: number) => !eligible(s) && noteShaped(s) && answer.sentences[s]!.phase === phase;
    // …and join the prose sentence next to them in the same paragraph or list item.
    const joinable = (note: number, prose: number) =>
      Math.abs(note - prose) === 1 && answer.sentences[prose]!.block === answer.sentences[note]!.block && noteShaped(note);
    const criteria: CriterionResult[] = compiled.map((c, i) => {
      check();
      const outcome = evaluateCriterion(c, hits[i]!, answer, eligible, joinable);
      const k = c.criterion;
      const note = outcome.met ? undefined : evaluateCriterion(c, hits[i]!, answer, noteIn(k.phase));
      if (note?.met) {
        return {
          id: k.id, phase: k.phase, met: false, evidence: null, title: k.title, short: k.short ?? k.title, level: k.level,
          weight: k.weight, framework: c.framework, credit: NOTE_CREDIT,
          note: `half credit: named in a terse note, not explained ("${note.evidence}")`,
        };
      }
      return {
        id: k.id,
        phase: k.phase,
        met: outcome.met,
        evidence: outcome.evidence,
        title: k.title,
        short: k.short ?? k.title,
        level: k.level,
        weight: k.weight,
        framework: c.framework,
        credit: outcome.met ? 1 : 0,
        ...(outcome.note ? { note: outcome.note } : {}),
      };
    });
    capNoteCredit(criteria);
    if (input.askedFacts && graded.includes('requirements')) {
      const asked = askedFactsResult(prompt, input.askedFacts);
      if (asked) criteria.unshift(asked);
    }
    criteria.sort((a, b) => PHASE_IDS.indexOf(a.phase) - PHASE_IDS.indexOf(b.phase));

    const gate = gateOf(criteria, graded.length < PHASE_IDS.length);
    const covered = new Set(criteria.filter((c) => c.met).map((c) => c.phase));
    const signals = {
      structure: round1(structureSignal(answer, graded, covered)),
      tradeoffs: round1(tradeoffSignal(answer, graded)),
      quantitative: round1(quantitativeSignal(answer)),
      depth: round1(depthSignal(criteria, gate)),
    };
    const bars = levelBars(criteria, gate);
    return {
      promptId: prompt.id,
      total: totalScore(criteria, gate, signals),
      level: verdict(bars),
      phases: phaseResults(criteria, graded, gate),
      signals,
      criteria,
      bars,
      relevance: Math.round(gate.relevance * 100) / 100,
      words: answer.words,
    };
  }
}

/** Builds a grader from loaded resources; tests use it with a small vocabulary. */
export function createGrader(nlp: Nlp, vocabulary: Vocabulary, options: GraderOptions = {}): Grader {
  return new RubricGrader(nlp, new Lexicon(vocabulary, nlp), options.now ?? Date.now, options.limitMs ?? GRADING_LIMIT_MS);
}

/**
 * Loads wink-nlp's model (about 100 ms, once) and builds a grader over the vocabulary the caller read
 * (`loadVocabulary()` in src/content): the grader itself reads no files.
 */
export async function loadGrader(options: { vocabulary: Vocabulary } & GraderOptions): Promise<Grader> {
  return createGrader(await loadNlp(), options.vocabulary, options);
}

/**
 * Notes may at most double what the answer earns in prose: an answer made only of terse lines (a buzzword list
 * under six headings) earns nothing from them, while real notes beside real sentences count for half.
 */
function capNoteCredit(criteria: CriterionResult[]): void {
  const prose = criteria.reduce((n, c) => n + (c.met ? c.weight : 0), 0);
  const notes = criteria.filter((c) => !c.met && (c.credit ?? 0) > 0);
  const fromNotes = notes.reduce((n, c) => n + c.weight * c.credit!, 0);
  if (fromNotes <= prose) return;
  const scale = fromNotes ? prose / fromNotes : 0;
  for (const c of notes) {
    c.credit = Math.round(c.credit! * scale * 1000) / 1000;
    // Say what the note is now worth, so a "half credit" line never sits next to a score of zero.
    const worth = c.credit > 0 ? `${Math.round(c.credit * 100)}% credit` : 'no credit';
    c.note = c.note?.replace(/^half credit/, `${worth} (notes count only as far as the answer explains in prose)`);
  }
}

import type { Framework, Prompt } from '../content/schema.js';
import { EMPTY_VOCABULARY, loadVocabulary, type Vocabulary } from '../content/vocabulary.js';
import { PHASE_IDS, type PhaseId } from '../phases.js';
import { analyseAnswer, type AnalysedAnswer } from './analyse.js';
import { askedFactsResult } from './asked-facts.js';
import { evaluateCriterion, groupHits, type GroupHits } from './evaluate.js';
import { Lexicon } from './lexicon.js';
import { loadNlp, type Nlp } from './nlp.js';
import { compileRubric, criteriaOfPhases, type CompiledCriterion, type CompiledRubric } from './rubric.js';
import { depthSignal, gateOf, levelBars, phaseResults, round1, totalScore, verdict } from './score.js';
import { quantitativeSignal, structureSignal, tradeoffSignal } from './signals.js';
import type { CriterionResult, Grade, GradeInput } from './types.js';

export type { AnswerSection, CriterionResult, Grade, GradeInput, LevelBar, PhaseResult, Signals } from './types.js';
export { parseAnswerMarkdown, headingPhase } from './markdown.js';

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
  ) {}

  private rubricFor(prompt: Prompt, framework: Framework): CompiledRubric {
    const cached = this.compiled.get(prompt.id);
    if (cached && cached.prompt === prompt && cached.framework === framework) return cached.rubric;
    const rubric = compileRubric(prompt, framework, this.lexicon);
    this.compiled.set(prompt.id, { prompt, framework, rubric });
    return rubric;
  }

  grade(prompt: Prompt, framework: Framework, input: GradeInput): Grade {
    const graded: PhaseId[] = input.phases?.length ? PHASE_IDS.filter((p) => input.phases!.includes(p)) : [...PHASE_IDS];
    const rubric = this.rubricFor(prompt, framework);
    // Only words the English lexicon does not know are typo candidates: "appear" must not become "appeal".
    const correct = (lower: string, norm: string) => (this.nlp.isKnownWord(lower) ? undefined : rubric.typos.correct(lower, norm));
    const answer = analyseAnswer(input.sections, this.nlp, this.lexicon, correct);
    const compiled = criteriaOfPhases(rubric, graded);
    const hits = compiled.map((c) => groupHits(c, answer));
    const lists = listSentences(compiled, hits, answer);
    const eligible = (s: number) => answer.sentences[s]!.prose && !answer.sentences[s]!.chained && !lists.has(s);

    const criteria: CriterionResult[] = compiled.map((c, i) => {
      const outcome = evaluateCriterion(c, hits[i]!, answer, eligible);
      const k = c.criterion;
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
export function createGrader(nlp: Nlp, vocabulary: Vocabulary = EMPTY_VOCABULARY): Grader {
  return new RubricGrader(nlp, new Lexicon(vocabulary, nlp));
}

/** Loads the grader's language resources (wink-nlp's model and data/vocabulary.yaml; about 100 ms, once). */
export async function loadGrader(options: { dataDir?: string } = {}): Promise<Grader> {
  const [nlp, vocabulary] = await Promise.all([loadNlp(), Promise.resolve().then(() => loadVocabulary(options.dataDir))]);
  return createGrader(nlp, vocabulary);
}

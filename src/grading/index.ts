import type { Framework, Prompt, Vocabulary } from '../content/schema.js';
import { PHASE_IDS, type PhaseId } from '../phases.js';
import { analyseAnswer, type AnalysedAnswer } from './analyse.js';
import { checkArithmetic, checkFacts, type ArithmeticFlag, type ArithmeticKind, type ArithmeticResult } from './arithmetic.js';
import { askedFactsResult } from './asked-facts.js';
import { commitmentRules, type CommitmentRules } from './commitment.js';
import { GRADING_LIMIT_MS, startDeadline } from './deadline.js';
import { evaluateCriterion, groupHits, type GroupHits } from './evaluate.js';
import { restatedSentences } from './restatement.js';
import { Lexicon, type CompiledLexicon } from './lexicon.js';
import { loadNlp, type Nlp } from './nlp.js';
import { NOTE_MAX_WORDS, qualifiesNote } from './notes.js';
import { applyRedFlags, RED_FLAG_COSTS } from './costs.js';
import { compilePitfalls, detectPitfalls, replyClears, type CompiledPitfall, type PitfallHit } from './pitfalls.js';
import { compileRubric, criteriaOfPhases, type CompiledCriterion, type CompiledRubric } from './rubric.js';
import { depthSignal, gateOf, levelBars, phaseResults, round1, totalScore, verdict } from './score.js';
import { quantitativeSignal, signalRules, structureSignal, tradeoffSignal, type SignalRules } from './signals.js';
import type { CriterionResult, Grade, GradeInput, RedFlag } from './types.js';

export type { AnswerSection, Cap, CriterionResult, Grade, GradeInput, LevelBar, PhaseResult, RedFlag, Signals } from './types.js';
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
  /**
   * Whether a reply about one pitfall takes it back, by the rules an interview probe clears a red flag with
   * (replyClears); `committed` when the reply states the claim again. An unknown pitfall id is neither.
   */
  clearsPitfall?(prompt: Prompt, framework: Framework, pitfallId: string, text: string): { cleared: boolean; committed: boolean };
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
  /** data/language.yaml → notes.qualifiers and signals, as the lexicon was given them. */
  private readonly qualifiers: ReadonlySet<string>;
  private readonly signalRules: SignalRules;
  /** Compiled rubrics by prompt id: phrases are normalised once per grader (again if the content objects change). */
  private readonly compiled = new Map<string, { prompt: Prompt; framework: Framework; rubric: CompiledRubric; pitfalls: CompiledPitfall[] }>();

  constructor(
    private readonly nlp: Nlp,
    private readonly lexicon: Lexicon,
    private readonly now: () => number,
    private readonly limitMs: number,
    /** Absent when the vocabulary has no commitment lists (a test's small vocabulary): everything is committed. */
    private readonly commitment: CommitmentRules | undefined,
  ) {
    this.qualifiers = new Set(lexicon.language.notes.qualifiers);
    this.signalRules = signalRules(lexicon.language);
  }

  private rubricFor(prompt: Prompt, framework: Framework): { rubric: CompiledRubric; pitfalls: CompiledPitfall[] } {
    const cached = this.compiled.get(prompt.id);
    if (cached && cached.prompt === prompt && cached.framework === framework) return cached;
    const entry = { prompt, framework, rubric: compileRubric(prompt, framework, this.lexicon), pitfalls: compilePitfalls(prompt, framework, this.lexicon) };
    this.compiled.set(prompt.id, entry);
    return entry;
  }

  /** The red flags a follow-up asked about and its reply took back (replyClears). */
  private clearedByReplies(raised: readonly RedFlag[], pitfalls: readonly CompiledPitfall[], input: GradeInput, check: () => void): Array<RedFlag & { reply: string }> {
    const out: Array<RedFlag & { reply: string }> = [];
    for (const probe of input.probes ?? []) {
      const flag = raised.find((f) => f.probe === probe.question && f.phase === probe.phase);
      const compiled = flag && pitfalls.find((p) => p.pitfall.id === flag.id);
      if (!flag || !compiled || !probe.reply.trim()) continue;
      check();
      const reply = analyseAnswer([{ phase: probe.phase, text: probe.reply }], this.nlp, this.lexicon, undefined, check, this.commitment);
      const prose = (s: number) => reply.sentences[s]!.prose && !reply.sentences[s]!.chained;
      if (replyClears(compiled, reply, prose)) out.push({ ...flag, reply: probe.reply });
    }
    return out;
  }

  clearsPitfall(prompt: Prompt, framework: Framework, pitfallId: string, text: string): { cleared: boolean; committed: boolean } {
    const compiled = this.rubricFor(prompt, framework).pitfalls.find((p) => p.pitfall.id === pitfallId);
    if (!compiled || !text.trim()) return { cleared: false, committed: false };
    const sections = [{ phase: compiled.pitfall.phase, text }];
    const check = startDeadline(this.now, this.limitMs, sections);
    const reply = analyseAnswer(sections, this.nlp, this.lexicon, undefined, check, this.commitment);
    const prose = (s: number) => reply.sentences[s]!.prose && !reply.sentences[s]!.chained;
    const committed = detectPitfalls([compiled], reply, prose, [compiled.pitfall.phase], check).length > 0;
    return { cleared: !committed && replyClears(compiled, reply, prose), committed };
  }

  grade(prompt: Prompt, framework: Framework, input: GradeInput): Grade {
    const check = startDeadline(this.now, this.limitMs, input.sections);
    const graded: PhaseId[] = input.phases?.length ? PHASE_IDS.filter((p) => input.phases!.includes(p)) : [...PHASE_IDS];
    const { rubric, pitfalls } = this.rubricFor(prompt, framework);
    // Only words the English lexicon does not know are typo candidates: "appear" must not become "appeal".
    const correct = (lower: string, norm: string) => (this.nlp.isKnownWord(lower) ? undefined : rubric.typos.correct(lower, norm));
    const answer = analyseAnswer(input.sections, this.nlp, this.lexicon, correct, check, this.commitment);
    const compiled = criteriaOfPhases(rubric, graded);
    const hits = compiled.map((c) => {
      check();
      return groupHits(c, answer);
    });
    const lists = listSentences(compiled, hits, answer);
    // Questions and sentences that only imagine earn nothing, as prose or as notes; nor, outside requirements, does
    // a sentence that restates the prompt.
    const restated = restatedSentences(answer, rubric.statement);
    const eligible = (s: number) => answer.sentences[s]!.prose && answer.sentences[s]!.credit && !answer.sentences[s]!.chained && !lists.has(s);

    // A terse note: a short line that is not prose, not list-packed, not chained, not a table row or code.
    const noteShaped = (s: number) => {
      const x = answer.sentences[s]!;
      return x.credit && !x.chained && !lists.has(s) && x.words >= 2 && x.words <= NOTE_MAX_WORDS && x.kind !== 'code' && x.kind !== 'table';
    };
    const isNote = (s: number) => !eligible(s) && noteShaped(s);
    // A note that says something about what it names is evidence at full weight, under any heading (notes.ts)…
    const qualified = (s: number) => isNote(s) && qualifiesNote(answer.sentences[s]!.text, answer.sentences[s]!, this.qualifiers);
    // …a bare note earns part credit under a heading of the criterion's own phase…
    const noteIn = (phase: PhaseId) => (s: number) => isNote(s) && answer.sentences[s]!.phase === phase;
    // …and a note joins the prose sentence next to it in the same paragraph or list item.
    const joinable = (note: number, prose: number) =>
      Math.abs(note - prose) === 1 && answer.sentences[prose]!.block === answer.sentences[note]!.block && noteShaped(note);
    const criteria: CriterionResult[] = compiled.map((c, i) => {
      check();
      const k = c.criterion;
      const own = k.phase === 'requirements' ? () => true : (s: number) => !restated.has(s);
      const inProse = evaluateCriterion(c, hits[i]!, answer, (s) => eligible(s) && own(s), joinable);
      const outcome = inProse.met ? inProse : evaluateCriterion(c, hits[i]!, answer, (s) => qualified(s) && own(s));
      const note = outcome.met ? undefined : evaluateCriterion(c, hits[i]!, answer, (s) => noteIn(k.phase)(s) && own(s));
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
        ...(inProse.note && !outcome.met ? { note: inProse.note } : {}),
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
      tradeoffs: round1(tradeoffSignal(answer, graded, this.signalRules)),
      quantitative: round1(quantitativeSignal(answer, this.signalRules)),
      depth: round1(depthSignal(criteria, gate)),
    };
    const bars = levelBars(criteria, gate);
    // Red flags are read in the same prose as criteria, questions and imagined options aside (see commitment.ts).
    const prose = (s: number) => answer.sentences[s]!.prose && !answer.sentences[s]!.chained && !lists.has(s);
    const committed = detectPitfalls(pitfalls, answer, prose, graded, check);
    check();
    const arithmetic = checkAnswerArithmetic(prompt, input, graded);
    const raised = mergeRedFlags(committed.map(redFlagOf), arithmetic.flags.map(arithmeticFlagOf));
    const clearedFlags = this.clearedByReplies(raised, pitfalls, input, check);
    const redFlags = raised.filter((f) => !clearedFlags.some((c) => c.id === f.id));
    const before = { total: totalScore(criteria, gate, signals), level: verdict(bars) };
    const after = applyRedFlags(before.total, before.level, redFlags);
    return {
      promptId: prompt.id,
      total: after.total,
      level: after.level,
      phases: phaseResults(criteria, graded, gate),
      signals,
      criteria,
      bars,
      relevance: Math.round(gate.relevance * 100) / 100,
      words: answer.words,
      redFlags,
      cap: after.cap,
      ...(clearedFlags.length ? { clearedFlags } : {}),
      arithmetic: arithmetic.checks,
      ...(redFlags.length ? { uncapped: before } : {}),
    };
  }
}

const ARITHMETIC_TITLES: Record<ArithmeticKind, string> = {
  qps: 'A traffic estimate that does not follow from its own numbers',
  storage: 'A storage estimate that does not follow from its own numbers',
  latency: 'A latency claim the work cannot meet',
  product: 'A product that does not follow from its own numbers',
  fact: "A figure that contradicts what the interviewer said",
};

/**
 * Derivations redone (src/grading/arithmetic.ts), in the graded phases. In an interview, figures are also held
 * against the facts the interviewer gave when asked.
 */
function checkAnswerArithmetic(prompt: Prompt, input: GradeInput, graded: readonly PhaseId[]): ArithmeticResult {
  const own = checkArithmetic(input.sections);
  const asked = new Set(input.askedFacts ?? []);
  const told = prompt.facts.filter((f) => asked.has(f.id)).map((f) => f.answer);
  const facts = told.length ? checkFacts(told, input.sections) : { flags: [], checks: [] };
  const inPhase = <T extends { phase: PhaseId }>(xs: readonly T[]) => xs.filter((x) => graded.includes(x.phase));
  return { flags: inPhase([...own.flags, ...facts.flags]), checks: inPhase([...own.checks, ...facts.checks]) };
}

function arithmeticFlagOf(flag: ArithmeticFlag): RedFlag {
  const kind = flag.id.slice('arithmetic-'.length) as ArithmeticKind;
  return {
    id: flag.id, phase: flag.phase, severity: flag.severity, title: ARITHMETIC_TITLES[kind], evidence: flag.evidence,
    why: flag.why, instead: flag.instead, ...RED_FLAG_COSTS[flag.severity], off: flag.off,
  };
}

/**
 * A pitfall and a latency check on the same sentence name one mistake (a heavy model over the whole catalogue): the
 * pitfall stays and takes the arithmetic redone into its why.
 */
function mergeRedFlags(pitfalls: RedFlag[], arithmetic: RedFlag[]): RedFlag[] {
  const out = [...pitfalls];
  for (const a of arithmetic) {
    const same = a.id === 'arithmetic-latency' ? out.find((p) => !p.id.startsWith('arithmetic-') && p.evidence.includes(a.evidence)) : undefined;
    if (same) same.why = `${same.why} ${a.why}`;
    else out.push(a);
  }
  return out.sort((x, y) => PHASE_IDS.indexOf(x.phase) - PHASE_IDS.indexOf(y.phase));
}

function redFlagOf(hit: PitfallHit): RedFlag {
  const p = hit.compiled.pitfall;
  return {
    id: p.id, phase: p.phase, severity: p.severity, title: p.title, evidence: hit.evidence, why: p.why, instead: p.instead,
    ...RED_FLAG_COSTS[p.severity],
    ...(p.probe ? { probe: p.probe } : {}),
  };
}

/** Builds a grader from loaded resources; tests use it with a small vocabulary. */
export function createGrader(nlp: Nlp, vocabulary: Vocabulary, options: GraderOptions & { compiled?: CompiledLexicon } = {}): Grader {
  const commitment = vocabulary.commitment && commitmentRules(vocabulary.commitment);
  const lexicon = new Lexicon(vocabulary, nlp, options.compiled);
  return new RubricGrader(nlp, lexicon, options.now ?? Date.now, options.limitMs ?? GRADING_LIMIT_MS, commitment);
}

/** Where `npm run build` leaves the compiled lexicon of data/vocabulary.yaml, beside this module. */
export const COMPILED_LEXICON_MODULE = 'lexicon.compiled.js';

/** The lexicon `npm run build` compiled, when there is one (running from src/ there is none). */
async function compiledLexicon(): Promise<CompiledLexicon | undefined> {
  const specifier: string = `./${COMPILED_LEXICON_MODULE}`;
  try {
    return ((await import(specifier)) as { default: CompiledLexicon }).default;
  } catch {
    return undefined;
  }
}

/**
 * Loads wink-nlp's model (about 100 ms, once) and builds a grader over the vocabulary the caller read
 * (`loadVocabulary()` in src/content): the grader itself reads no files.
 */
export async function loadGrader(options: { vocabulary: Vocabulary } & GraderOptions): Promise<Grader> {
  const [nlp, compiled] = await Promise.all([loadNlp(), compiledLexicon()]);
  return createGrader(nlp, options.vocabulary, { ...options, ...(compiled ? { compiled } : {}) });
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

import { z } from 'zod';
import { PHASE_IDS } from '../phases.js';
import type { Language } from './language.js';

import { LEVELS } from '../levels.js';

export { LEVELS, type Level } from '../levels.js';

/**
 * Bounds on every field, far above what real content needs: a prompt pack is untrusted, and its text is wrapped,
 * matched and printed.
 */
export const FIELD_LIMITS = { id: 64, phrase: 100, text: 2000, statement: 10_000 } as const;

const longest = (n: number) => `longer than ${n} characters`;
const atMost = (n: number, what: string) => `more than ${n} ${what}`;
const list = <T extends z.ZodType>(item: T, n: number, what: string) => z.array(item).max(n, atMost(n, what));

const kebab = z
  .string()
  .max(FIELD_LIMITS.id, longest(FIELD_LIMITS.id))
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id such as "cold-start"');
const text = z.string().trim().min(1, 'expected non-empty text').max(FIELD_LIMITS.text, longest(FIELD_LIMITS.text));
const phrase = z.string().trim().min(1, 'expected a non-empty phrase').max(FIELD_LIMITS.phrase, longest(FIELD_LIMITS.phrase));

export const phaseIdSchema = z.enum(PHASE_IDS);
export const levelSchema = z.enum(LEVELS);

/**
 * One rubric criterion. `concepts` is a list of groups; each group lists interchangeable phrasings of one idea.
 * The criterion is met when `need` groups (default: all) are found, not negated, in one passage of the answer.
 */
export const criterionSchema = z.strictObject({
  id: kebab,
  phase: phaseIdSchema,
  title: text,
  short: text.optional(),
  weight: z.number().min(0.5).max(5),
  level: levelSchema,
  concepts: list(list(phrase, 50, 'phrases').min(1, 'a concept group needs at least one phrase'), 20, 'concept groups').min(1),
  need: z.number().int().min(1).optional(),
  numeric: z.boolean().optional(),
  why: text,
  strong: text,
  /** The question `mlsd drill` asks about this criterion in the prompt's setting (never its title). */
  drill: text.optional(),
});
export type Criterion = z.infer<typeof criterionSchema>;

export const factSchema = z.strictObject({
  id: kebab,
  topic: text,
  answer: text,
  asks: list(phrase, 50, 'phrasings').min(1),
  key: z.boolean().default(false),
});
export type Fact = z.infer<typeof factSchema>;

export const probeSchema = z.strictObject({
  criterion: kebab,
  question: text,
});
export type Probe = z.infer<typeof probeSchema>;

export const SEVERITIES = ['minor', 'major', 'disqualifying'] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

const conceptGroups = list(list(phrase, 50, 'phrases').min(1, 'a concept group needs at least one phrase'), 20, 'concept groups').min(1);

/**
 * A mistake that fails candidates. `claim` holds the concept groups of a committed claim (as in a criterion);
 * `unless` holds groups that, found in the same passage, show the writer knows better. `triggers` and `clears`
 * are the pitfall's test corpus: sentences that must and must not raise it.
 */
export const pitfallSchema = z.strictObject({
  id: kebab,
  phase: phaseIdSchema,
  severity: severitySchema,
  title: text,
  claim: conceptGroups,
  need: z.number().int().min(1).optional(),
  unless: conceptGroups.optional(),
  why: text,
  instead: text,
  probe: text.optional(),
  triggers: list(text, 50, 'sentences').min(1),
  clears: list(text, 50, 'sentences').min(1),
});
export type Pitfall = z.infer<typeof pitfallSchema>;

const perPhase = <T extends z.ZodType>(schema: T) =>
  z.strictObject({
    requirements: schema,
    metrics: schema,
    data: schema,
    models: schema,
    serving: schema,
    monitoring: schema,
  });

export const timeBudgetSchema = z.strictObject({
  clarifying: z.number().min(0),
  requirements: z.number().min(0),
  metrics: z.number().min(0),
  data: z.number().min(0),
  models: z.number().min(0),
  serving: z.number().min(0),
  monitoring: z.number().min(0),
});
export type TimeBudget = z.infer<typeof timeBudgetSchema>;

export const promptSchema = z.strictObject({
  id: kebab,
  title: text,
  domain: text,
  difficulty: z.enum(['medium', 'hard', 'expert']),
  summary: text,
  statement: z.string().trim().min(1, 'expected non-empty text').max(FIELD_LIMITS.statement, longest(FIELD_LIMITS.statement)),
  /** Share of the interview per step, in percent; sums to 100. */
  timeBudget: timeBudgetSchema.optional(),
  facts: list(factSchema, 100, 'facts').min(1),
  guidance: perPhase(text).extend({ clarifying: text }),
  probes: list(probeSchema, 200, 'probes').default([]),
  /** Framework criterion ids that do not apply to this prompt. */
  skipFramework: list(kebab, 100, 'ids').default([]),
  rubric: z.strictObject({ criteria: list(criterionSchema, 200, 'criteria').min(1) }),
  /** Mistakes specific to this prompt that an interviewer writes down as red flags. */
  pitfalls: list(pitfallSchema, 100, 'pitfalls').default([]),
  /** A closing line for reports on this prompt, e.g. a pointer to `mlsd pipeline`. */
  seeAlso: text.optional(),
});
export type Prompt = z.infer<typeof promptSchema>;

export const guideEntrySchema = z.strictObject({
  focus: text,
  checklist: z.array(text).min(1),
  example: text,
  pitfalls: z.array(text).default([]),
});
export type GuideEntry = z.infer<typeof guideEntrySchema>;

/** The shared framework: criteria that hold for every prompt, and the cheat sheet `mlsd guide` prints. */
export const frameworkSchema = z.strictObject({
  criteria: z.array(criterionSchema).min(1),
  /** Mistakes that fail candidates on any prompt. */
  pitfalls: z.array(pitfallSchema).default([]),
  guide: perPhase(guideEntrySchema).extend({ clarifying: guideEntrySchema }),
});
export type Framework = z.infer<typeof frameworkSchema>;

const term = z.string().trim().min(1, 'expected a non-empty term');

/** data/vocabulary.yaml: wordings the grader treats as the same idea, in answers and rubric phrases alike. */
export const vocabularySchema = z.strictObject({
  synonyms: z.array(z.array(term).min(2, 'a synonym group needs at least two terms')).default([]),
  words: z.record(z.string().regex(/^[a-z]+$/, 'expected one lower-case word'), term).default({}),
  notTypos: z.array(z.tuple([term, term])).default([]),
});
const commitmentWord = z.string().trim().min(1, 'expected a non-empty word');
const commitmentList = z.array(commitmentWord).min(1);
const commitmentExample = z.strictObject({
  text: commitmentWord,
  commits: z.array(commitmentWord).default([]),
  holdsBack: z.array(commitmentWord).default([]),
  credit: z.boolean().default(true),
});
export type CommitmentExample = z.infer<typeof commitmentExample>;

/** data/commitment.yaml: the words that decide whether a sentence commits to what it names (src/grading/commitment.ts). */
export const commitmentSchema = z.strictObject({
  questions: z.strictObject({ fillers: commitmentList, inverted: commitmentList, invertedBeforePronoun: commitmentList, examples: z.array(commitmentExample).min(1) }),
  hypothetical: z.strictObject({
    conditionals: commitmentList, modals: commitmentList, consequenceModals: commitmentList, firstPerson: commitmentList,
    subjects: commitmentList, markers: commitmentList, examples: z.array(commitmentExample).min(1),
  }),
  rejection: z.strictObject({ markers: commitmentList, objectMarkers: commitmentList, pronouns: commitmentList, examples: z.array(commitmentExample).min(1) }),
});
export type CommitmentWords = z.infer<typeof commitmentSchema>;

/** data/question-words.yaml: how the interviewer reads a clarifying question (src/interview/facts.ts). */
export const questionWordsSchema = z.strictObject({
  generic: z.array(term).min(1),
  compounds: z.record(term, z.string().regex(/^[a-z]+$/, 'expected one lower-case word')).default({}),
  quantity: z.strictObject({ asks: z.array(term).min(1), answers: z.array(term).min(1) }).optional(),
  examples: z.array(z.strictObject({ text: term, subject: z.array(term) })).min(1),
});
export type QuestionWords = z.infer<typeof questionWordsSchema>;

/**
 * The grader's language data: data/vocabulary.yaml, and beside it the commitment lists of data/commitment.yaml,
 * the word lists of data/language.yaml and the interviewer's question words of data/question-words.yaml.
 */
export type Vocabulary = z.infer<typeof vocabularySchema> & { commitment?: CommitmentWords; language?: Language; questionWords?: QuestionWords };

export const DEFAULT_TIME_BUDGET: TimeBudget = {
  clarifying: 10,
  requirements: 10,
  metrics: 12,
  data: 16,
  models: 26,
  serving: 16,
  monitoring: 10,
};

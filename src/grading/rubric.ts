import { applicableCriteria } from '../content/rubric.js';
import type { Criterion, Framework, Prompt } from '../content/schema.js';
import type { PhaseId } from '../phases.js';
import type { Lexicon } from './lexicon.js';
import { statementSentences, statementWindows } from './restatement.js';
import { TypoIndex } from './typos.js';

export interface CompiledCriterion {
  criterion: Criterion;
  framework: boolean;
  /** Concept groups → phrasings → normalised terms. */
  groups: string[][][];
  need: number;
  /** About what to leave out ("keeps sponsored results out of scope"): a scope exclusion meets it. */
  acceptsExclusion: boolean;
}

const SCOPING = /\b(out of scope|non-goals?|outside (the|this) (design|scope)|separate)\b/;

export interface CompiledRubric {
  criteria: CompiledCriterion[];
  typos: TypoIndex;
  /** The prompt statement's windows of content terms, to tell an answer's restatement of it (restatement.ts). */
  statement: Set<string>[];
}

/** Normalises every concept phrase once, and indexes the rubric's words for typo tolerance. */
export function compileRubric(prompt: Prompt, framework: Framework, lexicon: Lexicon): CompiledRubric {
  const words: Array<[string, string]> = [...lexicon.vocabularyWords()];
  const applicable = applicableCriteria(prompt, framework);
  const normalised = lexicon.phrases(applicable.flatMap(({ criterion }) => criterion.concepts.flat()));
  let next = 0;
  const criteria = applicable.map(({ criterion, framework: fromFramework }) => {
    const groups = criterion.concepts.map((group) =>
      group.map(() => {
        const phrase = normalised[next++]!;
        words.push(...phrase.words);
        return phrase.terms;
      }).filter((terms) => terms.length > 0),
    );
    return {
      criterion,
      framework: fromFramework,
      groups,
      need: Math.min(criterion.need ?? groups.length, groups.length),
      acceptsExclusion: criterion.concepts.some((group) => group.some((p) => SCOPING.test(p.toLowerCase()))),
    };
  });
  const statement = statementWindows(lexicon.phrases(statementSentences(prompt.statement)).map((p) => p.terms));
  return { criteria, typos: new TypoIndex(words, lexicon.notTypos), statement };
}

export function criteriaOfPhases(rubric: CompiledRubric, phases: readonly PhaseId[]): CompiledCriterion[] {
  return rubric.criteria.filter((c) => phases.includes(c.criterion.phase));
}

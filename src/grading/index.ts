import type { Framework, Prompt } from '../content/schema.js';
import { UserError } from '../errors.js';
import type { AnswerSection, Grade, GradeInput } from './types.js';

export type { AnswerSection, Grade, GradeInput } from './types.js';

/** A loaded grader: language resources are loaded once, then grading is pure and synchronous. */
export interface Grader {
  grade(prompt: Prompt, framework: Framework, input: GradeInput): Grade;
}

/** Loads the grader's language resources (a one-off cost of about 100 ms). */
export async function loadGrader(): Promise<Grader> {
  throw new UserError('the grader is not built yet.');
}

/** Splits a Markdown answer into sections, mapping each heading to a phase where it names one. */
export function parseAnswerMarkdown(_markdown: string): AnswerSection[] {
  throw new UserError('the grader is not built yet.');
}

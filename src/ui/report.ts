import type { Framework, Level, Prompt } from '../content/schema.js';
import type { Grade } from '../grading/types.js';

export interface ReportOptions {
  color: boolean;
  width?: number;
  /** The level the candidate aims for: misses at or below it are listed first. */
  level?: Level;
}

/** The feedback report for the terminal: total, verdict, phase bars, signals, strengths, misses, next steps. */
export function renderReport(_grade: Grade, _prompt: Prompt, _framework: Framework, _options: ReportOptions): string {
  throw new Error('renderReport is not built yet');
}

import type { Level } from '../levels.js';
import type { PhaseId } from '../phases.js';

/** A piece of an answer: the text under one heading (phase null when the heading names no phase). */
export interface AnswerSection {
  phase: PhaseId | null;
  heading?: string;
  text: string;
}

/** What the grader reads. */
export interface GradeInput {
  sections: AnswerSection[];
  /** Fact ids the candidate asked about in the clarifying step (interview only); key facts count toward requirements. */
  askedFacts?: string[];
  /** Grade only these phases (a practice drill); default all six. */
  phases?: PhaseId[];
}

export interface CriterionResult {
  id: string;
  phase: PhaseId;
  met: boolean;
  /** The sentence that earned the criterion, as the candidate wrote it; null when not met. */
  evidence: string | null;
  title: string;
  level: Level;
  weight: number;
  /** True for criteria from the shared framework rather than the prompt. */
  framework: boolean;
  /** When not met but part of it was seen (some concept groups, or only in a negated or list-like sentence). */
  note?: string;
  /** Short name for compact lines (the rubric's `short`, else the title). */
  short?: string;
  /** Share of the weight earned, 0–1: 1 or 0, except for partial criteria such as asked-key-facts. */
  credit?: number;
}

export interface PhaseResult {
  id: PhaseId;
  /** False when the phase was left out of a drill; its score is then 0 and its lists empty. Absent means graded. */
  graded?: boolean;
  score: number;
  covered: string[];
  missed: string[];
}

export interface Signals {
  structure: number;
  tradeoffs: number;
  quantitative: number;
  depth: number;
}

/** One level's bar: the shares of per-level criterion weight it needs, and whether the answer clears it. */
export interface LevelBar {
  level: Level;
  cleared: boolean;
  requirements: Array<{ level: Level; share: number; need: number }>;
  /** Criteria of this level met, and how many there are. */
  met: number;
  of: number;
}

/** The contract object of `mlsd score --json` (fields may be added, never changed). */
export interface Grade {
  promptId: string;
  total: number;
  level: Level | 'none';
  phases: PhaseResult[];
  signals: Signals;
  criteria: CriterionResult[];
  /** The bars of mid, senior and staff, in that order (absent in grades saved before bars existed). */
  bars?: LevelBar[];
  /** 0–1: how much of the prompt's own rubric the answer meets, relative to what unlocks full framework credit. */
  relevance?: number;
  /** Words in the answer. */
  words?: number;
}

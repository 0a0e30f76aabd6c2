import type { Severity } from '../content/schema.js';
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
  /** Follow-up questions the interviewer asked and the replies (interview only): a reply can clear a red flag it probed. */
  probes?: Array<{ phase: PhaseId; question: string; reply: string }>;
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

/** The verdict a red flag holds the answer to: `mid` for a major mistake, `none` for a disqualifying one. */
export type Cap = 'mid' | 'none';

/** A mistake the answer commits (a pitfall of the prompt or the framework, or a wrong derivation). */
export interface RedFlag {
  id: string;
  phase: PhaseId;
  severity: Severity;
  /** The mistake, as a short noun phrase. */
  title: string;
  /** The sentence (or up to three) that commits it, as written. */
  evidence: string;
  /** Why it breaks in production. */
  why: string;
  /** What to say instead. */
  instead: string;
  /** Points it takes off the total. */
  deduction: number;
  /** The verdict it caps at; null for a minor mistake. */
  cap: Cap | null;
  /** The interviewer's push-back, when the pitfall has one. */
  probe?: string;
  /** For an arithmetic flag: how many times off the claim is. */
  off?: number;
}

/** A derivation the grader redid (src/grading/arithmetic.ts), right or wrong. */
export interface CheckedArithmetic {
  kind: string;
  phase: PhaseId;
  evidence: string;
  /** The figure as the answer states it ("23k QPS"). */
  claimed: string;
  /** The figure redone, in the claim's unit. */
  expected: string;
  off: number;
  ok: boolean;
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
  /** Mistakes the answer commits, in phase order: always set by the grader (absent in grades saved before red flags). */
  redFlags?: RedFlag[];
  /** The strictest verdict cap the red flags set, or null (absent like `redFlags`). */
  cap?: Cap | null;
  /** Red flags the interviewer raised with a follow-up and the reply took back: shown, not counted. */
  clearedFlags?: Array<RedFlag & { reply: string }>;
  /** Every derivation redone, right ones included (absent in grades saved before the check). */
  arithmetic?: CheckedArithmetic[];
  /** Total and verdict before the red flags' deductions and cap (absent when there are no red flags). */
  uncapped?: { total: number; level: Level | 'none' };
}

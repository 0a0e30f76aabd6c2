/** Where the clock stands for the current step and the whole sitting. Pure: the caller passes `now`. */
export interface ClockReading {
  stepElapsedMs: number;
  stepLeftMs: number;
  totalLeftMs: number;
  /** How far past the step's budget (0 when within it). */
  overrunMs: number;
  timeUp: boolean;
}

export interface Clock {
  /** When this sitting's clock started (a resumed session restarts it). */
  startedAt: number;
  /** The time this sitting has: the budgets of the steps still to do. */
  totalMs: number;
  stepStartedAt: number;
  stepBudgetMs: number;
}

export function readClock(clock: Clock, now: number): ClockReading {
  const stepElapsedMs = Math.max(0, now - clock.stepStartedAt);
  const totalLeftMs = clock.totalMs - Math.max(0, now - clock.startedAt);
  return {
    stepElapsedMs,
    stepLeftMs: clock.stepBudgetMs - stepElapsedMs,
    totalLeftMs,
    overrunMs: Math.max(0, stepElapsedMs - clock.stepBudgetMs),
    timeUp: totalLeftMs <= 0,
  };
}

/** The clock for a new step: the sitting's start and total stay, the step's own budget starts now. */
export function startStep(clock: Clock, budgetMs: number, now: number): Clock {
  return { ...clock, stepStartedAt: now, stepBudgetMs: budgetMs };
}

/** mm:ss, or -mm:ss when over; hours fold into minutes (a 90-minute round reads 90:00). */
export function formatClock(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const seconds = Math.floor(Math.abs(ms) / 1000);
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${sign}${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** Whole minutes, rounded, for tables ("12 min"). */
export function minutesOf(ms: number): number {
  return Math.round(ms / 60_000);
}

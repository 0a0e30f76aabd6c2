/** The levels a rubric criterion tells apart, lowest first. Kept apart from the zod schema so start-up stays light. */
export const LEVELS = ['mid', 'senior', 'staff'] as const;
export type Level = (typeof LEVELS)[number];

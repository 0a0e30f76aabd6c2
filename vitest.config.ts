import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * The test layers, cheapest first: pure logic; the shipped prompts/ and data/; commands run in-process through
 * `main(argv, ctx)`; the built bin/mlsd.js as a real process (needs `npm run build`).
 */
export const LAYERS = ['unit', 'content', 'commands', 'e2e'] as const;

export default defineConfig({
  test: {
    include: LAYERS.map((layer) => `test/${layer}/**/*.test.ts`),
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Forks, not threads: tests send signals to their own process, which would end every thread's file at once.
    pool: 'forks',
    // Vitest's default leaves one core idle; the suite is CPU-bound, so it takes them all.
    maxWorkers: availableParallelism(),
    // A worker keeps its imported modules from one file to the next, so the language model, the content and the
    // grader the test helpers share are loaded once per worker, not once per file. Nothing in src/ keeps state
    // between calls, and the tests that spy on globals or add listeners restore them.
    isolate: false,
    // Grading and YAML parsing allocate many short-lived objects: a larger young generation spends less on GC
    // (about 8% of the in-process layers' CPU).
    execArgv: ['--max-semi-space-size=64'],
    globalSetup: ['test/helpers/temp-root.ts'],
    // Piped output takes its width from $COLUMNS; tests expect the default 80 whatever the shell exports.
    env: { COLUMNS: '' },
  },
});

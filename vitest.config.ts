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
    pool: 'forks',
    globalSetup: ['test/helpers/temp-root.ts'],
    // Piped output takes its width from $COLUMNS; tests expect the default 80 whatever the shell exports.
    env: { COLUMNS: '' },
  },
});

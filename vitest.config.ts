import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['test/helpers/temp-root.ts'],
    // Piped output takes its width from $COLUMNS; tests expect the default 80 whatever the shell exports.
    env: { COLUMNS: '' },
  },
});

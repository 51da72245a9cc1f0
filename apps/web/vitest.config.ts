import { defineProject } from 'vitest/config';

// Only the pure parts (formatting, error mapping, i18n, tree building) are unit-tested here, so the
// node environment is enough; the pages are covered by browser tests.
export default defineProject({
  test: {
    name: 'web',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // Pure functions, well under a second each; room for a busy two-core machine.
    testTimeout: 30_000,
  },
});

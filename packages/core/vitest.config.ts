import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'core',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The property tests (fast-check, 100 runs) take under a second idle; room for a busy machine.
    testTimeout: 30_000,
  },
});

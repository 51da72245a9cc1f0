import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'cli',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The cases run in-process in about a second each; rendering a .docx on a busy two-core machine
    // takes a few. The one child-process test sets its own, longer timeout.
    testTimeout: 30_000,
  },
});

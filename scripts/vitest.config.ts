import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'scripts',
    include: ['test/**/*.test.ts'],
    // The throwaway PostgreSQL's initdb takes half a minute when the machine is busy.
    testTimeout: 30_000,
  },
});

import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'server',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    // Each file starts a server on a fresh database (the demo loaded): seconds idle, several times
    // that while other suites share the two cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

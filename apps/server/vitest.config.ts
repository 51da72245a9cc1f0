import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'server',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    // Files share a worker's module cache: every file imports the whole server (3–6 s each when
    // isolated, half of the suite's time on two cores). Nothing in it holds per-test state: each file
    // builds its own app, database and clock, and the ports are wired once and identically.
    isolate: false,
    // Each file starts a server on a fresh database (the demo loaded): seconds idle, several times
    // that while other suites share the two cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

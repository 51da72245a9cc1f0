import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { StoryOrderSequencer } from './e2e/support/story-order.ts';

/**
 * One `npm test` (scripts/test.mjs) runs every suite. The server's API suite runs on embedded PGlite,
 * and again on PostgreSQL when JIXIAO_TEST_PG_URL points at a server (`npm test` starts a throwaway
 * one): same tests, both drivers.
 */
const serverOn = (database: 'pglite' | 'postgres') => ({
  extends: './apps/server/vitest.config.ts',
  root: './apps/server',
  test: { name: `server:${database}`, env: { JIXIAO_TEST_DATABASE: database } },
});

export default defineConfig({
  test: {
    sequence: { sequencer: StoryOrderSequencer },
    // Vitest's default is one worker fewer than the cores: on a two-core machine one file at a time,
    // with the second core idle while a file runs the embedded database. Two workers at least.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      'packages/*/vitest.config.ts',
      'apps/cli/vitest.config.ts',
      'apps/web/vitest.config.ts',
      'scripts/vitest.config.ts',
      // Browser tests need Debian's Chromium; JIXIAO_SKIP_BROWSER=1 leaves them out on purpose.
      ...(process.env.JIXIAO_SKIP_BROWSER === '1' ? [] : ['e2e/vitest.config.ts']),
      serverOn('pglite'),
      ...(process.env.JIXIAO_TEST_PG_URL ? [serverOn('postgres')] : []),
    ],
  },
});

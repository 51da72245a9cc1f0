import { defineConfig } from 'vitest/config';

// One `npm test` runs every package's suite; each project keeps its own environment.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts'],
  },
});

import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'documents',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Reading and writing an .xlsx takes about a second on an idle machine and over 5 s (vitest's
    // default) on a busy two-core one; the LibreOffice tests set their own, longer timeouts.
    testTimeout: 60_000,
  },
});

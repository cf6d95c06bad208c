// Vitest for `npm run test:mutation` only: the tests of the pure modules Stryker mutates, not
// the server-process and browser-flow suites (slow, and timing-sensitive when run per mutant).
// The masking and CSV tests touch no DOM, so they run in Node here: no jsdom start per mutant.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../', import.meta.url)),
  test: {
    environment: 'node',
    include: [
      'src/contract/**/*.test.ts',
      'src/server/upstream/upstream-*.test.ts',
      'src/contract/mask*.test.ts',
      'src/web/features/export/lib/csv*.test.ts',
    ],
    // The fuzz run (thousands of generated payloads) is too slow to repeat for every mutant.
    exclude: ['src/contract/fuzz.test.ts'],
  },
});

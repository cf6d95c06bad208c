// Vitest for `npm run test:mutation` only: the tests of the pure modules Stryker mutates, not
// the server-process and browser-flow suites (slow, and timing-sensitive when run per mutant).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../', import.meta.url)),
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/contract/**/*.test.ts', 'src/server/upstream-*.test.ts'],
        },
      },
      {
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['src/web/lib/mask*.test.ts', 'src/web/features/export/lib/*.test.ts'],
          setupFiles: ['src/web/test-setup.ts'],
        },
      },
    ],
  },
});

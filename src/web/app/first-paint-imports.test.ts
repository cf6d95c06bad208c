import { describe, expect, it } from 'vitest';
import { importGraph } from '../test-support/import-graph.ts';

/**
 * The first-paint bundle must stay small (≤ 120 kB gzip): recharts and libphonenumber (the
 * masking and number formatting) load after it, through `import()`. This walks the static
 * imports from the entry and fails if any of them is reachable without a dynamic import.
 */
const globbed = import.meta.glob<string>(
  [
    '../**/*.{ts,tsx}',
    '../../contract/*.ts',
    '!../**/*.test.{ts,tsx}',
    '!../../contract/*.test.ts',
  ],
  { query: '?raw', import: 'default', eager: true },
);
/**
 * Keyed by path under src/web ("app/main.tsx"); Vite names same-folder files "./x". The
 * shared contract (where the masking lives) is keyed "contract/x.ts", which is where a web
 * module's "../../contract/x.ts" resolves to from inside src/web.
 */
const sources: Record<string, string> = Object.fromEntries(
  Object.entries(globbed).map(([key, text]) => [
    key.startsWith('./') ? `app/${key.slice(2)}` : key.replace(/^(\.\.\/)+/, ''),
    text,
  ]),
);

const { reachable } = importGraph(sources);

describe('first-paint imports', () => {
  const modules = reachable('app/main.tsx');

  it('walks the real graph', () => {
    expect(modules).toContain('app/explorer-page.tsx');
    expect(modules).toContain('features/sessions/components/filter-bar.tsx');
    expect(reachable('app/report-stamp.tsx')).toContain('libphonenumber-js');
  });

  it.each(['recharts', 'libphonenumber-js', 'libphonenumber-js/min', 'contract/mask.ts'])(
    '%s is not reachable without a dynamic import',
    (name) => expect(modules).not.toContain(name),
  );

  // Initial JS ≤ 120 kB gzip (issue #12, decision 0014): what the first screen does not draw,
  // or loads beside the table before hydrating, stays behind a dynamic import too.
  it.each([
    'app/explorer-insight.tsx',
    'features/insight/components/what-changed.tsx',
    'features/insight/lib/stats-insight.ts',
    'features/shortcuts/components/shortcuts-help.tsx',
    'features/sessions/lib/surrounding.ts',
    'contract/verdict.ts',
  ])('%s is not reachable without a dynamic import', (name) => expect(modules).not.toContain(name));
});

import { describe, expect, it } from 'vitest';
import { importGraph } from '../../test-support/import-graph.ts';

/**
 * recharts must stay out of the first-paint bundle: nothing reachable through static imports
 * from the eagerly loaded insight modules may import it. Only `insight-charts.tsx`, loaded with
 * React.lazy, leads to it.
 */
const sources = import.meta.glob<string>(['./**/*.{ts,tsx}', '!./**/*.test.{ts,tsx}'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

const { reachable } = importGraph(sources);

describe('lazy chart boundary', () => {
  it('finds the modules it checks', () => {
    expect(Object.keys(sources)).toContain('./components/insight-charts.tsx');
    expect(reachable('./components/insight-charts.tsx')).toContain('recharts');
  });

  it.each([
    './components/insight-section.tsx',
    './components/summary-strip.tsx',
    './components/load-all-bar.tsx',
    './hooks/use-load-all.ts',
    './lib/segments.ts',
  ])('%s does not pull recharts in statically', (entry) => {
    const modules = reachable(entry);
    expect(modules).not.toContain('recharts');
    expect(modules).not.toContain('./components/insight-charts.tsx');
  });
});

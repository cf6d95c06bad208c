import { describe, expect, it } from 'vitest';

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

/** Static (not `import()`, not `import type`) relative imports of a module, resolved. */
function staticImports(path: string): string[] {
  const text = sources[path] ?? '';
  const found: string[] = [];
  for (const match of text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms)) {
    const spec = match[1] ?? '';
    if (!spec.startsWith('.')) {
      found.push(spec);
      continue;
    }
    const parts = path.split('/').slice(0, -1);
    for (const piece of spec.split('/')) {
      if (piece === '..') parts.pop();
      else if (piece !== '.') parts.push(piece);
    }
    found.push(parts.join('/'));
  }
  return found;
}

function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const next = queue.pop() ?? '';
    if (seen.has(next)) continue;
    seen.add(next);
    if (next in sources) queue.push(...staticImports(next));
  }
  return seen;
}

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

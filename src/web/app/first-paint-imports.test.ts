import { describe, expect, it } from 'vitest';

/**
 * The first-paint bundle must stay small (≤ 150 kB gzip): recharts and libphonenumber (the
 * masking and number formatting) load after it, through `import()`. This walks the static
 * imports from the entry and fails if either is reachable without a dynamic import.
 */
const globbed = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
/** Keyed by path under src/web ("app/main.tsx"); Vite names same-folder files "./x". */
const sources: Record<string, string> = Object.fromEntries(
  Object.entries(globbed).map(([key, text]) => [
    key.startsWith('./') ? `app/${key.slice(2)}` : key.replace(/^\.\.\//, ''),
    text,
  ]),
);

/** Static (not `import()`, not `import type`) imports of a module, resolved. */
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

describe('first-paint imports', () => {
  const modules = reachable('app/main.tsx');

  it('walks the real graph', () => {
    expect(modules).toContain('app/explorer-page.tsx');
    expect(modules).toContain('features/insight/components/insight-section.tsx');
    expect(reachable('app/report-stamp.tsx')).toContain('libphonenumber-js');
  });

  it.each(['recharts', 'libphonenumber-js', 'libphonenumber-js/min', 'lib/mask.ts'])(
    '%s is not reachable without a dynamic import',
    (name) => expect(modules).not.toContain(name),
  );
});

/**
 * The static import graph of modules read as text (e.g. `import.meta.glob(…, { query: '?raw' })`),
 * for tests that keep a heavy dependency behind a dynamic `import()`. The glob stays in each test
 * because Vite resolves it relative to the file that calls it.
 */
export type ImportGraph = {
  /** Every module and package reachable from `entry` through static imports. */
  reachable: (entry: string) => Set<string>;
};

/** `sources` maps a module path ("app/main.tsx" or "./lib/x.ts") to its text. */
export function importGraph(sources: Readonly<Record<string, string>>): ImportGraph {
  /** Static (not `import()`, not `import type`) imports of a module, relative ones resolved. */
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

  return { reachable };
}

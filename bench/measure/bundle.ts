import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import type { Figure } from '../lib/report.ts';
import { round } from '../lib/stats.ts';

type ManifestChunk = {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
};
type Manifest = Record<string, ManifestChunk>;

export type BundleResult = {
  outDir: string;
  initial: { js: string[]; css: string[]; jsGzipKb: number; cssGzipKb: number };
  lazy: { root: string; files: string[]; gzipKb: number; hasRecharts: boolean }[];
};

/** Production build of the web app into `outDir`, with a manifest to tell entry from lazy chunks. */
export async function buildWeb(outDir: string): Promise<Manifest> {
  await build({
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true, sourcemap: false },
  });
  // The server's pre-render bundle, where the server looks for it by default: beside outDir.
  await build({
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    build: { ssr: true, outDir: join(dirname(outDir), 'ssr'), emptyOutDir: true },
  });
  return JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
}

/** The chunk keys a chunk pulls in statically (itself included), following `imports`. */
function staticClosure(manifest: Manifest, roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const key = stack.pop()!;
    if (seen.has(key)) continue;
    seen.add(key);
    stack.push(...(manifest[key]?.imports ?? []));
  }
  return seen;
}

const gzipKb = (outDir: string, files: readonly string[]) =>
  round(files.reduce((sum, f) => sum + gzipSync(readFileSync(join(outDir, f))).length, 0) / 1024);

/** Splits the build into what the first page load needs and each lazily loaded chunk group. */
export function analyseBundle(outDir: string, manifest: Manifest): BundleResult {
  const entries = Object.keys(manifest).filter((k) => manifest[k]?.isEntry);
  const initialKeys = staticClosure(manifest, entries);
  const chunks = [...initialKeys].map((k) => manifest[k]!);
  const js = chunks.map((c) => c.file).filter((f) => f.endsWith('.js'));
  const css = [...new Set(chunks.flatMap((c) => c.css ?? []))];
  const lazyRoots = Object.keys(manifest).filter((k) => manifest[k]?.isDynamicEntry);
  const lazy = lazyRoots.map((root) => {
    const own = [...staticClosure(manifest, [root])].filter((k) => !initialKeys.has(k));
    const files = own.flatMap((k) => [manifest[k]!.file, ...(manifest[k]!.css ?? [])]);
    const hasRecharts = files.some((f) =>
      readFileSync(join(outDir, f), 'utf8').includes('recharts-'),
    );
    return { root, files, gzipKb: gzipKb(outDir, files), hasRecharts };
  });
  return {
    outDir,
    initial: { js, css, jsGzipKb: gzipKb(outDir, js), cssGzipKb: gzipKb(outDir, css) },
    lazy,
  };
}

export function bundleFigures(result: BundleResult): Figure[] {
  const group = 'bundle (gzip)';
  const chart = result.lazy.filter((l) => l.hasRecharts);
  const figures: Figure[] = [
    {
      group,
      label: 'initial JS',
      value: result.initial.jsGzipKb,
      unit: 'kB',
      target: { op: '<=', value: 120 },
      note: `${result.initial.js.length} file(s)`,
    },
    { group, label: 'initial CSS', value: result.initial.cssGzipKb, unit: 'kB' },
  ];
  if (chart.length === 0) {
    const inInitial = result.initial.js.some((f) =>
      readFileSync(join(result.outDir, f), 'utf8').includes('recharts-'),
    );
    figures.push({
      group,
      label: 'lazy chart chunk',
      value: null,
      unit: 'kB',
      note: inInitial
        ? 'recharts is in the initial bundle, not lazy'
        : 'not measured: no chart code in the build yet',
    });
  }
  for (const c of chart) {
    figures.push({ group, label: 'lazy chart chunk', value: c.gzipKb, unit: 'kB', note: c.root });
  }
  const others = result.lazy.filter((l) => !l.hasRecharts);
  if (others.length) {
    const total = round(others.reduce((s, l) => s + l.gzipKb, 0));
    figures.push({
      group,
      label: 'other lazy chunks',
      value: total,
      unit: 'kB',
      note: others.map((o) => o.root).join(', '),
    });
  }
  return figures;
}

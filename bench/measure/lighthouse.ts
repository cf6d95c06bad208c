import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.ts';
import type { Figure } from '../lib/report.ts';
import { round } from '../lib/stats.ts';

/** One Lighthouse run's figures: scores 0–100 as Lighthouse shows them. */
type LighthouseRun = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  cls: number;
  tbtMs: number;
  lcpMs: number;
  unusedJsKiB: number;
  /** Audits that did not pass, for reading the report without re-running it. */
  failing: string[];
};

export type LighthouseResult = { url: string; runs: LighthouseRun[] };

// Lighthouse's desktop preset (lighthouse-core/config/desktop-config.js), restated because the
// package exports its presets only as files: 1350×940, no CPU slow-down, a fast cable network.
const DESKTOP_SETTINGS = {
  formFactor: 'desktop' as const,
  screenEmulation: {
    mobile: false,
    width: 1350,
    height: 940,
    deviceScaleFactor: 1,
    disabled: false,
  },
  throttling: {
    rttMs: 40,
    throughputKbps: 10 * 1024,
    cpuSlowdownMultiplier: 1,
    requestLatencyMs: 0,
    downloadThroughputKbps: 0,
    uploadThroughputKbps: 0,
  },
  onlyCategories: ['performance', 'accessibility', 'best-practices'],
};

function unusedBytes(details: unknown): number {
  const bytes = (details as { overallSavingsBytes?: number } | undefined)?.overallSavingsBytes;
  return bytes ?? 0;
}

async function runOnce(url: string): Promise<LighthouseRun> {
  const chromePath = findChromium();
  const chrome = await chromeLauncher.launch({
    ...(chromePath ? { chromePath } : {}),
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error' },
      { extends: 'lighthouse:default', settings: DESKTOP_SETTINGS },
    );
    if (!result) throw new Error('Lighthouse returned no result');
    const { categories, audits } = result.lhr;
    const score = (key: string) => round((categories[key]?.score ?? 0) * 100, 0);
    const numeric = (key: string) => audits[key]?.numericValue ?? Number.NaN;
    const failing = Object.entries(audits)
      .filter(([, a]) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative')
      .map(([key, a]) => (a.displayValue ? `${key} (${a.displayValue})` : key));
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      cls: round(numeric('cumulative-layout-shift'), 3),
      tbtMs: round(numeric('total-blocking-time'), 0),
      lcpMs: round(numeric('largest-contentful-paint'), 0),
      unusedJsKiB: round(unusedBytes(audits['unused-javascript']?.details) / 1024, 0),
      failing,
    };
  } finally {
    chrome.kill();
  }
}

/** Lighthouse on a deep link, desktop preset, `runs` times in a fresh Chromium each. */
export async function measureLighthouse(
  origin: string,
  path: string,
  runs: number,
): Promise<LighthouseResult> {
  const url = `${origin}${path}`;
  const all: LighthouseRun[] = [];
  for (let i = 0; i < runs; i += 1) all.push(await runOnce(url));
  return { url, runs: all };
}

/**
 * Each figure is the WORST of the runs (lowest score, highest shift), with every run in the
 * note: a target is met only when every run meets it, so one lucky run cannot pass.
 */
export function lighthouseFigures(result: LighthouseResult): Figure[] {
  const group = 'Lighthouse (deep link, desktop)';
  const all = (pick: (r: LighthouseRun) => number) => result.runs.map(pick);
  const spread = (values: number[]) => `runs: ${values.join(', ')}`;
  const worstLow = (pick: (r: LighthouseRun) => number) => Math.min(...all(pick));
  const worstHigh = (pick: (r: LighthouseRun) => number) => Math.max(...all(pick));
  const figure = (
    label: string,
    pick: (r: LighthouseRun) => number,
    unit: string,
    target?: Figure['target'],
  ): Figure => ({
    group,
    label,
    value: target?.op === '>=' ? worstLow(pick) : worstHigh(pick),
    unit,
    ...(target ? { target } : {}),
    note: spread(all(pick)),
  });
  return [
    figure('performance', (r) => r.performance, '', { op: '>=', value: 98 }),
    figure('accessibility', (r) => r.accessibility, '', { op: '>=', value: 100 }),
    figure('best practices', (r) => r.bestPractices, '', { op: '>=', value: 100 }),
    figure('cumulative layout shift', (r) => r.cls, '', { op: '<=', value: 0.01 }),
    figure('total blocking time', (r) => r.tbtMs, 'ms'),
    figure('largest contentful paint', (r) => r.lcpMs, 'ms'),
    figure('unused JavaScript', (r) => r.unusedJsKiB, 'KiB'),
  ];
}

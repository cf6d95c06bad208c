import { afterAll, afterEach, beforeAll } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from './fake-upstream.ts';
import { startDashboard, type TestDashboard } from './harness.ts';

/** Plain functions (no `this`), so tests can destructure them. */
export type ProxySuite = {
  upstream: () => FakeUpstream;
  dash: () => TestDashboard;
  getJson: (path: string) => Promise<{ response: Response; text: string; json: unknown }>;
};

/**
 * One dashboard on one scripted fake upstream for a whole test file, with no cache and an
 * ample budget (they have their own tests), so every request reaches the upstream. The
 * upstream's request record is emptied after each test.
 */
export function proxySuite(env: Record<string, string> = {}): ProxySuite {
  let upstream: FakeUpstream | undefined;
  let dash: TestDashboard | undefined;
  beforeAll(async () => {
    upstream = await startFakeUpstream();
    dash = await startDashboard(
      { CACHE_TTL_SECONDS: '0', LIST_BUDGET_PER_MINUTE: '300', ...env },
      upstream,
    );
  });
  afterAll(async () => {
    await dash?.close();
    await upstream?.close();
  });
  afterEach(() => {
    if (upstream) upstream.requests.length = 0;
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('proxySuite is used before its beforeAll ran');
    return value;
  };
  return {
    upstream: () => started(upstream),
    dash: () => started(dash),
    getJson: async (path) => {
      const response = await fetch(started(dash).url + path);
      const text = await response.text();
      return { response, text, json: JSON.parse(text) as unknown };
    },
  };
}

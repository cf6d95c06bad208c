import { startSimulator, type RunningSimulator } from '../../simulator/simulator.ts';
import {
  startFakeUpstream,
  type FakeReply,
  type FakeRequest,
  type FakeUpstream,
} from './fake-upstream.ts';

/**
 * A counting fake Plivo with real data: every request is recorded (with its time) and then
 * answered by the built-in simulator, unless `fault` answers it first. The simulator's own
 * rate limit is raised: the counts, not the simulator, are what tests check.
 */
export type CountingPlivo = {
  upstream: FakeUpstream;
  simulator: RunningSimulator;
  /** Answers a request instead of the simulator when it returns a reply. */
  fault: ((request: FakeRequest) => FakeReply | null) | null;
  /** Times (ms) of list calls. */
  listCallTimes(): number[];
  close(): Promise<void>;
};

export async function startCountingPlivo(
  options: { now?: string; sessionsPerDay?: number; seed?: string } = {},
): Promise<CountingPlivo> {
  const simulator = await startSimulator({
    seed: options.seed ?? 'counting-plivo',
    sessionsPerDay: options.sessionsPerDay ?? 300,
    listRateLimitPerMinute: 1_000_000,
    ...(options.now ? { now: options.now } : {}),
  });
  const counting: CountingPlivo = {
    upstream: await startFakeUpstream(async (request) => {
      const injected = counting.fault?.(request);
      if (injected) return injected;
      // The dashboard signs in with the test credentials; the simulator knows its own.
      const path = request.path.replace(/\/Account\/[^/]+\//, `/Account/${simulator.authId}/`);
      const basic = Buffer.from(`${simulator.authId}:${simulator.authToken}`).toString('base64');
      const response = await fetch(`${simulator.url}${path}?${request.query.toString()}`, {
        headers: { authorization: `Basic ${basic}` },
      });
      return { status: response.status, body: await response.text() };
    }),
    simulator,
    fault: null,
    listCallTimes: () =>
      counting.upstream.requests
        .filter((r) => r.path.endsWith('/Verify/Session/'))
        .map((r) => r.at),
    close: async () => {
      await counting.upstream.close();
      await simulator.close();
    },
  };
  return counting;
}

/** The most calls in any window of `windowMs` (sliding, by call time). */
export function maxInAnyWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[j] ?? 0) <= (sorted[i] ?? 0) - windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

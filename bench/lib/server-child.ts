// Entry point of a dashboard server run in its own process by the benchmarks: the server's
// own configuration from the environment, plus one thing the environment cannot express —
// BENCH_UNLIMITED_BUDGET=1, for throughput runs that must measure the proxy, not the limiter.
import { Budget } from '../../src/server/upstream/budget.ts';
import { configFrom } from '../../src/server/config/config.ts';
import { startServer, type RunningServer } from '../../src/server/server.ts';

/**
 * Swaps in budgets with a 1 ms window: nothing ever waits and the call log stays tiny. (Only
 * raising `perWindow` is not enough: the budget keeps a log of every call in its 61 s window
 * and scans it on each call, which at thousands of calls a second measures the scan.)
 */
function unlimit(running: RunningServer): void {
  const service = running.service as unknown as { options?: { budgets?: unknown } };
  if (service.options?.budgets !== running.budgets) {
    throw new Error('cannot lift the budget: the service no longer shares the budgets object');
  }
  const open = () => new Budget({ perWindow: 1_000_000, windowMs: 1, queueSize: 0, maxWaitMs: 0 });
  Object.assign(running.budgets, { list: open(), retrieve: open() });
}

const running = await startServer(configFrom(process.env));
if (process.env.BENCH_UNLIMITED_BUDGET === '1') unlimit(running);
process.once('SIGTERM', () => {
  void running.close().finally(() => process.exit(0));
});

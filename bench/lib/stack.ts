import { startCountingProxy, type CountingProxy } from './counting-proxy.ts';
import { startServerProcess, startSimulatorProcess, type Running } from './subjects.ts';

export type Stack = {
  sim: Running;
  proxy: CountingProxy;
  server: Running;
  nowMs: number;
  stop: () => Promise<void>;
};

/**
 * Simulator (Plivo's real 20 list calls/min) → counting proxy → dashboard server (its default
 * budget), fresh for each measurement so budgets, caches and counters start empty.
 */
export async function startStack(options: {
  ports: { server: number; simulator: number; proxy: number };
  distDir: string;
  nowMs: number;
  sessionsPerDay?: number;
}): Promise<Stack> {
  const sim = await startSimulatorProcess({
    port: options.ports.simulator,
    now: new Date(options.nowMs).toISOString(),
    ...(options.sessionsPerDay ? { sessionsPerDay: options.sessionsPerDay } : {}),
  });
  const proxy = await startCountingProxy(options.ports.proxy, sim.url).catch(async (error) => {
    await sim.stop();
    throw error;
  });
  const server = await startServerProcess({
    port: options.ports.server,
    upstreamUrl: proxy.url,
    distDir: options.distDir,
  }).catch(async (error) => {
    await proxy.close();
    await sim.stop();
    throw error;
  });
  return {
    sim,
    proxy,
    server,
    nowMs: options.nowMs,
    stop: async () => {
      await server.stop();
      await proxy.close();
      await sim.stop();
    },
  };
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { exitedEarly, REPO_ROOT, spawnNode, type NodeChild } from './child.ts';
import { waitForPort } from './http.ts';
import { LOOPBACK } from './ports.ts';
import { NotReadyError } from './report.ts';

/**
 * Starts the measured subjects — the simulator and the dashboard server — each in its own Node
 * process, as in production, on fixed loopback ports.
 */
export const BENCH_AUTH_ID = 'MABENCH0000000000000';
export const BENCH_AUTH_TOKEN = 'bench-token-not-a-secret';

export type Running = { url: string; port: number; child: NodeChild; stop: () => Promise<void> };

async function startChild(entry: string, env: Record<string, string>, port: number, what: string) {
  const child = spawnNode(entry, env);
  try {
    await Promise.race([waitForPort(port), exitedEarly(child, what)]);
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { url: `http://${LOOPBACK}:${port}`, port, child, stop: child.stop };
}

export type SimulatorProcessOptions = {
  port: number;
  seed?: number;
  now?: string;
  sessionsPerDay?: number;
  /** Plivo's real limit (20) unless a measurement says otherwise — and the report says so. */
  listRateLimitPerMinute?: number;
  testControls?: boolean;
};

export async function startSimulatorProcess(options: SimulatorProcessOptions): Promise<Running> {
  if (!existsSync(join(REPO_ROOT, 'src/simulator/simulator.ts'))) {
    throw new NotReadyError('the simulator (src/simulator/simulator.ts) does not exist yet');
  }
  const simOptions = { seed: 8, ...options, authId: BENCH_AUTH_ID, authToken: BENCH_AUTH_TOKEN };
  return startChild(
    'bench/lib/simulator-child.ts',
    { BENCH_SIM_OPTIONS: JSON.stringify(simOptions) },
    options.port,
    'the simulator',
  );
}

export type ServerProcessOptions = {
  port: number;
  upstreamUrl: string;
  distDir: string;
  /** Lifts the server's upstream budget (throughput runs only; the report says so). */
  unlimitedBudget?: boolean;
  env?: Record<string, string>;
};

export async function startServerProcess(options: ServerProcessOptions): Promise<Running> {
  if (!existsSync(join(REPO_ROOT, 'src/server/server.ts'))) {
    throw new NotReadyError('the server has no start function yet (src/server/server.ts)');
  }
  const env: Record<string, string> = {
    HOST: LOOPBACK,
    PORT: String(options.port),
    PLIVO_API_URL: options.upstreamUrl,
    PLIVO_AUTH_ID: BENCH_AUTH_ID,
    PLIVO_AUTH_TOKEN: BENCH_AUTH_TOKEN,
    WEB_DIST_DIR: options.distDir,
    // These benches measure the proxy; the index has its own group (measure/index-*.ts).
    INDEX: 'off',
    SHORT_LINKS: 'off',
    ...(options.unlimitedBudget ? { BENCH_UNLIMITED_BUDGET: '1' } : {}),
    ...options.env,
  };
  return startChild('bench/lib/server-child.ts', env, options.port, 'the dashboard server');
}

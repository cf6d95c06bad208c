import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type MemorySample = { at: number; rss: number; heapUsed: number; heapTotal: number };

export type NodeChild = {
  proc: ChildProcess;
  memory: MemorySample[];
  /** Everything the child printed (kept for failure messages and log checks). */
  output: () => string;
  stop: () => Promise<void>;
};

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PROBE = fileURLToPath(new URL('./memory-probe.ts', import.meta.url));

/**
 * Runs a TypeScript entry point of the app in its own Node process, as production would, with
 * the memory probe preloaded. Output is captured, not echoed, to keep the bench table readable.
 */
export function spawnNode(entry: string, env: Record<string, string>): NodeChild {
  const proc = spawn(process.execPath, ['--import', 'tsx', '--import', PROBE, entry], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const memory: MemorySample[] = [];
  const chunks: string[] = [];
  proc.on('message', (message) => {
    const m = message as { type?: string } & MemorySample;
    if (m.type === 'memory')
      memory.push({ at: m.at, rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal });
  });
  // A bounded tail: a server under load logs a line per request.
  const keep = (d: Buffer) => {
    chunks.push(d.toString());
    if (chunks.length > 400) chunks.splice(0, chunks.length - 200);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const output = () => chunks.join('').slice(-20_000);
  const stop = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  return { proc, memory, output, stop };
}

/** Rejects as soon as the child exits, with its output: a crashed subject fails fast and loud. */
export function exitedEarly(child: NodeChild, what: string): Promise<never> {
  return new Promise((_, reject) => {
    child.proc.once('exit', (code, signal) =>
      reject(
        new Error(`${what} exited (${code ?? signal}) before it was ready:\n${child.output()}`),
      ),
    );
  });
}

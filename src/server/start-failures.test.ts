import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const blockers: Server[] = [];
afterEach(async () => {
  await Promise.all(blockers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** Runs the server's entry point until it exits (or 15 s pass); returns its code and output. */
function runToExit(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', WEB_DIST_DIR: '/nonexistent', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

const STACK_LINE = /^\s+at /m;

describe('a failed start', () => {
  it('says in one line that the port is taken, with no stack trace, and exits 1', async () => {
    const blocker = createServer();
    blockers.push(blocker);
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as AddressInfo).port;
    const run = await runToExit({ PORT: String(port), SIM_SESSIONS_PER_DAY: '20' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `The dashboard server cannot start: 127.0.0.1:${port} is already in use; stop what listens there or set PORT\n`,
    );
    expect(run.stdout).not.toMatch(STACK_LINE);
  }, 20_000);

  it('refuses NODE_ENV=production without credentials instead of serving the simulator', async () => {
    const run = await runToExit({ NODE_ENV: 'production', PORT: '0' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /cannot start; fix these settings:\n- NODE_ENV=production needs Plivo credentials/,
    );
    expect(run.stderr + run.stdout).not.toMatch(STACK_LINE);
    expect(run.stdout).not.toMatch(/SIMULATOR/);
  }, 20_000);
});

import { spawn, type ChildProcess } from 'node:child_process';
import { healthSchema, type Health } from '../../contract/api.ts';
import { TEST_AUTH_ID, TEST_AUTH_TOKEN } from './harness.ts';

/**
 * A dashboard server as its own process (`node --import tsx src/server/main.ts`), for tests
 * that need `kill -9` or several replicas: it signs in to `plivoUrl` with the test
 * credentials; resolves once it prints its URL.
 */
export type ServerProcess = { child: ChildProcess; url: string; output(): string };

export function spawnServer(plivoUrl: string, env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      PLIVO_AUTH_ID: TEST_AUTH_ID,
      PLIVO_AUTH_TOKEN: TEST_AUTH_TOKEN,
      PLIVO_API_URL: plivoUrl,
      WEB_DIST_DIR: '/nonexistent/dist',
      PRERENDER: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    const check = () => {
      const url = /OTP sessions dashboard: (http:\/\/\S+?)\/?\s/.exec(out)?.[1];
      if (url) {
        child.stdout?.off('data', check);
        resolve({ child, url, output: () => out });
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

export async function healthOf(url: string): Promise<Health> {
  return healthSchema.parse(await (await fetch(`${url}/api/health`)).json());
}

export async function killHard(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGKILL');
  await exited;
}

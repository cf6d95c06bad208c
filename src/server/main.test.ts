import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from './testing/fake-upstream.ts';
import { TEST_AUTH_ID, TEST_AUTH_TOKEN } from './testing/harness.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const children: ChildProcess[] = [];
const upstreams: FakeUpstream[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await Promise.all(upstreams.splice(0).map((u) => u.close()));
});

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    // INDEX off: these tests are about the process, and a sync loop (resuming from a ./data
    // left by an earlier run) would make its own upstream calls and race the test's request.
    env: { PATH: process.env.PATH ?? '', WEB_DIST_DIR: '/nonexistent', INDEX: 'off', ...env },
  });
  children.push(child);
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (pattern: RegExp) => {
    for (let i = 0; i < 200 && !pattern.test(output); i += 1)
      await new Promise((r) => setTimeout(r, 50));
    return pattern.exec(output);
  };
  return { child, exited, waitFor, output: () => output };
}

describe('the server process', () => {
  it('exits 1 listing every configuration problem', async () => {
    const proc = run({ PORT: 'x', PLIVO_AUTH_TOKEN: TEST_AUTH_TOKEN, UPSTREAM_TIMEOUT_MS: '5' });
    expect(await proc.exited).toBe(1);
    const out = proc.output();
    expect(out).toMatch(/cannot start; fix these settings:\n- /);
    expect(out).toMatch(/PORT/);
    expect(out).toMatch(/UPSTREAM_TIMEOUT_MS/);
    expect(out).toMatch(/PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN go together/);
    expect(out).not.toContain(TEST_AUTH_TOKEN);
  }, 20_000);

  it('prints its URL and mode, and on SIGTERM finishes the request in progress before exiting', async () => {
    const upstream = await startFakeUpstream(() => ({
      json: { meta: { limit: 20, offset: 0, next: null }, sessions: [] },
      delayMs: 700,
    }));
    upstreams.push(upstream);
    const proc = run({
      PORT: '0',
      PLIVO_AUTH_ID: TEST_AUTH_ID,
      PLIVO_AUTH_TOKEN: TEST_AUTH_TOKEN,
      PLIVO_API_URL: upstream.url,
    });
    const match = await proc.waitFor(/OTP sessions dashboard: (http:\/\/127\.0\.0\.1:\d+\/)/);
    expect(match).not.toBeNull();
    // The start-up lines can reach us in separate chunks: wait for the mode line too.
    expect(await proc.waitFor(/Mode: plivo/)).not.toBeNull();
    const inFlight = fetch(`${match?.[1]}api/sessions`);
    // Signal only once the request is surely in progress (at the upstream), not after a guess.
    for (let i = 0; i < 200 && upstream.calls() === 0; i += 1)
      await new Promise((r) => setTimeout(r, 10));
    expect(upstream.calls()).toBe(1);
    proc.child.kill('SIGTERM');
    expect((await inFlight).status).toBe(200);
    expect(await proc.exited).toBe(0);
    expect(proc.output()).not.toContain(TEST_AUTH_TOKEN);
  }, 20_000);

  it('says loudly when it runs on the simulator', async () => {
    const proc = run({ PORT: '0', SIM_SESSIONS_PER_DAY: '50' });
    await proc.waitFor(/Upstream budget/);
    expect(proc.output()).toMatch(
      /Mode: SIMULATOR — PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN are not set/,
    );
    await proc.waitFor(/Deep links: pre-rendered by the server \(bundle in dist\/ssr\)/);
    proc.child.kill('SIGINT');
    expect(await proc.exited).toBe(0);
  }, 20_000);
});

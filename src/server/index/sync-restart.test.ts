import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionsPageSchema } from '../../contract/api.ts';
import { indexStatusSchema } from '../../contract/index-api.ts';
import { toPlivoTime } from '../../contract/time.ts';
import { startCountingPlivo, type CountingPlivo } from '../testing/counting-plivo.ts';
import { TEST_AUTH_ID, TEST_AUTH_TOKEN } from '../testing/harness.ts';

// kill -9 in the middle of a backfill, then start again on the same DATA_DIR: the index
// resumes, ends with exactly the sessions Plivo lists, and stores none twice.
let plivo: CountingPlivo;
let dataDir: string;
const children: ChildProcess[] = [];

function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      PLIVO_AUTH_ID: TEST_AUTH_ID,
      PLIVO_AUTH_TOKEN: TEST_AUTH_TOKEN,
      PLIVO_API_URL: plivo.upstream.url,
      WEB_DIST_DIR: '/nonexistent/dist',
      PRERENDER: 'off',
      INDEX: 'on',
      DATA_DIR: dataDir,
      LIST_BUDGET_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /OTP sessions dashboard: (http:\/\/\S+?)\/?\s/.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

async function status(url: string) {
  return indexStatusSchema.parse(await (await fetch(`${url}/api/index`)).json());
}

beforeAll(async () => {
  plivo = await startCountingPlivo({ sessionsPerDay: 600, seed: 'restart' });
  dataDir = join(mkdtempSync(join(tmpdir(), 'sync-restart-')), 'data');
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await plivo.close();
  rmSync(join(dataDir, '..'), { recursive: true, force: true });
});

describe('sync after kill -9', () => {
  it('resumes where it stopped and ends with the same sessions as Plivo, none twice', async () => {
    const first = await startServer();
    await expect
      .poll(async () => (await status(first.url)).sessions, { timeout: 30_000 })
      .toBeGreaterThan(200);
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    const callsBefore = plivo.listCallTimes().length;
    const restartedAt = Date.now();

    const second = await startServer();
    const resumed = await status(second.url);
    expect(resumed.sessions).toBeGreaterThan(200);
    await expect
      .poll(async () => (await status(second.url)).coveredDays, { timeout: 60_000 })
      .toBeGreaterThanOrEqual(3);
    // Resuming, not starting over: a fresh index would first read the last hour from offset
    // 0; a resumed one goes on with the window it was reading when it was killed.
    const firstAfter = plivo.upstream.requests.filter((r) => r.path.endsWith('/Verify/Session/'))[
      callsBefore
    ];
    const from = Date.parse(
      `${firstAfter?.query.get('session_time__gte') ?? ''}Z`.replace(' ', 'T'),
    );
    const freshStart =
      firstAfter?.query.get('offset') === '0' &&
      Math.abs(from - (restartedAt - 3_600_000)) < 15_000;
    expect(Number.isNaN(from)).toBe(false);
    expect(freshStart).toBe(false);

    const now = Date.now();
    const window = `session_time__gte=${toPlivoTime(now - 3 * 86_400_000 + 3_600_000)}&session_time__lt=${toPlivoTime(now - 3_600_000)}`;
    const live: string[] = [];
    for (let offset: number | null = 0; offset !== null;) {
      const reply = await fetch(
        `${second.url}/api/sessions?${window}&source=plivo&offset=${offset}`,
      );
      const page = sessionsPageSchema.parse(await reply.json());
      live.push(...page.sessions.map((s) => s.sessionUuid));
      offset = page.page.nextOffset;
    }
    const indexed: string[] = [];
    for (let offset: number | null = 0; offset !== null;) {
      const reply = await fetch(`${second.url}/api/sessions?${window}&limit=500&offset=${offset}`);
      const page = sessionsPageSchema.parse(await reply.json());
      expect(page.meta?.source).toBe('index');
      indexed.push(...page.sessions.map((s) => s.sessionUuid));
      offset = page.page.nextOffset;
    }
    expect(live.length).toBeGreaterThan(1000);
    expect(new Set(indexed).size).toBe(indexed.length);
    expect(indexed).toEqual(live);
  }, 150_000);
});

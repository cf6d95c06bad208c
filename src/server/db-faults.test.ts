import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorBodySchema, healthSchema } from '../contract/api.ts';
import { indexStatusSchema } from '../contract/index-api.ts';
import { parseConfig } from './config/config.ts';
import { startDashboard, type TestDashboard } from './testing/harness.ts';
import {
  freePort,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from './testing/throwaway-postgres.ts';

// PostgreSQL's faults as operators meet them: not there at start, gone while running, back.
const PASSWORD = 'Pg-pass-NEVER-ECHO-41d9';
let postgres: ThrowawayPostgres;
let dist: string;

beforeAll(async () => {
  postgres = await startThrowawayPostgres();
  dist = mkdtempSync(join(tmpdir(), 'db-faults-dist-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>OTP sessions</title>');
}, 60_000);

afterAll(() => {
  postgres.stop();
  rmSync(dist, { recursive: true, force: true });
});

function runToExit(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { PATH: process.env.PATH ?? '', WEB_DIST_DIR: '/nonexistent', PORT: '0', ...env },
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
}

describe('PostgreSQL unreachable at start', () => {
  it('says so in one line, without the password, and exits 1', async () => {
    const port = await freePort();
    const { code, output } = await runToExit({
      DATABASE_URL: `postgres://dashboard:${PASSWORD}@127.0.0.1:${port}/dashboard`,
    });
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      `The dashboard server cannot start: PostgreSQL at 127.0.0.1:${port}/dashboard (DATABASE_URL) cannot be reached (ECONNREFUSED)`,
    );
    expect(output).not.toContain(PASSWORD);
  }, 30_000);

  it('names a DATABASE_URL that is not a PostgreSQL URL, without repeating it', () => {
    const result = parseConfig({ DATABASE_URL: `mysql://root:${PASSWORD}@db/x` });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.join('\n')).toMatch(
      /DATABASE_URL.*must be a URL like postgres:\/\/user:password@host:5432\/database/,
    );
    expect(problems.join('\n')).not.toContain(PASSWORD);
  });
});

describe('PostgreSQL lost while running', () => {
  let dashboard: TestDashboard;
  const WINDOW = 'session_time__gte=2026-11-19 00:00&session_time__lt=2026-11-20 00:00';

  beforeAll(async () => {
    const url = await postgres.createDatabase('lost');
    dashboard = await startDashboard({
      DATABASE_URL: url.replace('postgres@', `postgres:${PASSWORD}@`),
      WEB_DIST_DIR: dist,
      PRERENDER: 'off',
      INDEX: 'on',
      SIM_NOW: '2026-11-20T12:00:00Z',
      SIM_SESSIONS_PER_DAY: '200',
      SIM_LIST_LIMIT_PER_MINUTE: '100000',
      LIST_BUDGET_PER_MINUTE: '100000',
    });
    // Wait for two days of coverage (polling by hand: expect.poll belongs in tests).
    const deadline = Date.now() + 60_000;
    for (;;) {
      const reply = await fetch(`${dashboard.url}/api/index`);
      if (indexStatusSchema.parse(await reply.json()).coveredDays >= 2) break;
      if (Date.now() > deadline) throw new Error('the index did not cover two days in 60 s');
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 90_000);

  afterAll(async () => {
    await dashboard.close();
  });

  it('answers 503 with Retry-After where it needs it, still serves pages, and recovers', async () => {
    const indexed = `${dashboard.url}/api/sessions?${WINDOW}&source=index`;
    expect((await fetch(indexed)).status).toBe(200);
    postgres.stopServer();
    try {
      const lost = await fetch(indexed);
      expect(lost.status).toBe(503);
      expect(lost.headers.get('retry-after')).toBe('5');
      const body = apiErrorBodySchema.parse(await lost.json());
      expect(body.error.code).toBe('database_unavailable');
      expect(body.error.message).toMatch(/database \(PostgreSQL\) cannot be reached right now/);
      // A call to Plivo needs a slot of the shared budget: 503 too, not a call past it.
      const proxied = await fetch(`${dashboard.url}/api/sessions?alias=while-lost&source=plivo`);
      expect([proxied.status, await proxied.text()]).toEqual([
        503,
        expect.stringContaining('database_unavailable'),
      ]);
      const health = healthSchema.parse(await (await fetch(`${dashboard.url}/api/health`)).json());
      expect(health.database).toMatchObject({ engine: 'postgresql', reachable: false });
      const page = await fetch(`${dashboard.url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('OTP sessions');
    } finally {
      postgres.startServer();
    }
    await expect.poll(async () => (await fetch(indexed)).status, { timeout: 30_000 }).toBe(200);
    await expect
      .poll(
        async () => (await fetch(`${dashboard.url}/api/sessions?alias=after&source=plivo`)).status,
        {
          timeout: 30_000,
        },
      )
      .toBe(200);
    await expect
      .poll(
        async () =>
          healthSchema.parse(await (await fetch(`${dashboard.url}/api/health`)).json()).database
            ?.syncing,
        { timeout: 30_000 },
      )
      .toBe(true);
    expect(dashboard.logs.join('\n')).not.toContain(PASSWORD);
  }, 90_000);
});

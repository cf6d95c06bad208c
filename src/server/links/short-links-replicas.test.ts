import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboard, type TestDashboard } from '../testing/harness.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../testing/throwaway-postgres.ts';
import { LINKS_FILE } from './sqlite-link-store.ts';

// Replicas behind a load balancer: a short link made through one must open through any other,
// so with DATABASE_URL the links live in PostgreSQL, not in each replica's DATA_DIR.
const VIEW = '/?status=expired&from=2026-11-20T10:00:00Z&to=2026-11-20T11:00:00Z';

let postgres: ThrowawayPostgres;
let dataDir: string;
const replicas: TestDashboard[] = [];

beforeAll(async () => {
  postgres = await startThrowawayPostgres();
  const url = await postgres.createDatabase('links_replicas');
  dataDir = mkdtempSync(join(tmpdir(), 'links-replicas-'));
  for (let i = 0; i < 2; i++) {
    replicas.push(
      await startDashboard({
        SHORT_LINKS: 'on',
        DATABASE_URL: url,
        INDEX: 'off',
        DATA_DIR: join(dataDir, `replica${i}`),
      }),
    );
  }
}, 60_000);

afterAll(async () => {
  for (const replica of replicas) await replica.close();
  postgres.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('short links across replicas (DATABASE_URL)', () => {
  it('opens on one replica the link made on another, and keeps nothing in DATA_DIR', async () => {
    const [first, second] = replicas;
    const made = await fetch(`${first?.url}/api/links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: VIEW }),
    });
    expect(made.status).toBe(201);
    const { url } = (await made.json()) as { url: string };
    const opened = await fetch(`${second?.url}${url}`, { redirect: 'manual' });
    expect(opened.status).toBe(302);
    expect(opened.headers.get('location')).toBe(VIEW);
    expect(existsSync(join(dataDir, 'replica0', LINKS_FILE))).toBe(false);
    expect(first?.logs.join('\n')).toMatch(/Short links: on \(postgresql at /);
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real PostgreSQL for tests: initdb in a temp folder, pg_ctl on a free loopback port, trust
 * auth, removed by `stop()`. Debian's server binaries are found under /usr/lib/postgresql;
 * when missing and running as root on Debian, Debian's `postgresql` package is installed (as
 * scripts/find-chromium.ts does for Chromium). initdb and pg_ctl refuse to run as root, so
 * as root they run as the `postgres` user.
 */
export type ThrowawayPostgres = {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** A fresh database on the server (one per test file keeps tests apart). */
  createDatabase(name: string): Promise<string>;
  /** Stops the server as `kill -9` would lose it (immediate mode) and starts it again. */
  stopServer(): void;
  startServer(): void;
  stop(): void;
};

const DEBIAN_ROOT = '/usr/lib/postgresql';

export function postgresBin(): string {
  const found = newestBin();
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync('/etc/debian_version')) {
    console.log('No PostgreSQL found: installing Debian’s postgresql package (apt-get)…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = newestBin();
    if (installed) return installed;
  }
  throw new Error(
    'No PostgreSQL server for the tests: install one (Debian/Ubuntu: `sudo apt-get install postgresql`).',
  );
}

function newestBin(): string | null {
  if (!existsSync(DEBIAN_ROOT)) return null;
  const versions = readdirSync(DEBIAN_ROOT)
    .filter((v) => existsSync(join(DEBIAN_ROOT, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(DEBIAN_ROOT, versions[0], 'bin') : null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBin();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'dashboard-pg-'));
  // The postgres user must be able to write the folder it runs in.
  chmodSync(dir, 0o777);
  const dataDir = join(dir, 'data');
  const port = await freePort();
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? 'runuser' : join(bin, tool);
    const fullArgs = asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args;
    const result = spawnSync(command, fullArgs, { cwd: dir, encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(`${tool} failed: ${(result.stderr || result.stdout).trim().slice(-400)}`);
    }
  };
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  // fsync off: nothing survives a machine crash, but everything committed survives a crash
  // of the server (the tests' "PostgreSQL lost"), since the OS still holds it.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const start = () =>
    run('pg_ctl', ['-D', dataDir, '-o', options, '-w', '-l', join(dir, 'log'), 'start']);
  start();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    async createDatabase(name) {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/[^a-z0-9_]/g, '')}"`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stopServer: () => run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']),
    startServer: start,
    stop() {
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // Already stopped by the test.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

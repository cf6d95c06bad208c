// A third dashboard for browser tests of the session index: the real server on the simulator
// (the same fixed clock and seed as the main test server), with the index on in a throwaway
// DATA_DIR and the simulator's rate limit raised so the index syncs days in seconds. The
// main test server keeps INDEX=off: its specs pin the pure proxy, 20 calls a minute.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFrom } from '../../src/server/config/config.ts';
import { startServer } from '../../src/server/server.ts';
import { E2E_SIM_NOW, E2E_SIM_SEED } from './simulator-clock.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'e2e-index-'));

const server = await startServer(
  configFrom({
    HOST: '127.0.0.1',
    PORT: process.env.E2E_INDEX_PORT ?? '4319',
    WEB_DIST_DIR: process.env.WEB_DIST_DIR ?? 'dist/web',
    SIM_NOW: E2E_SIM_NOW,
    SIM_SEED: E2E_SIM_SEED,
    SIM_TEST_CONTROLS: '1',
    SIM_LIST_LIMIT_PER_MINUTE: '1000000',
    LIST_BUDGET_PER_MINUTE: '1000000',
    INDEX: 'on',
    DATA_DIR: join(dataDir, 'data'),
  }),
);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void server.close().finally(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  });
}

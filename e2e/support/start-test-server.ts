// The server the browser tests run against: the real dashboard server on the built-in
// simulator, serving the production build. The simulator's clock is fixed so every run sees
// the same sessions; its test controls (/__sim/*) are reachable on the same origin. The
// upstream budget stays at Plivo's 20 list calls a minute: the suite must live within it
// (the server's cache helps), exactly as real users must.
import { configFrom } from '../../src/server/config/config.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../src/server/server.ts';
import { E2E_SIM_NOW, E2E_SIM_SEED } from './simulator-clock.ts';

// Short links are on, with the index off: they must not need it. Their file goes to a
// throwaway DATA_DIR, never the working copy's ./data.
const dataDir = mkdtempSync(join(tmpdir(), 'e2e-links-'));

const server = await startServer(
  configFrom({
    // Only these variables: live credentials in the shell must never reach the tests.
    HOST: '127.0.0.1',
    PORT: process.env.PORT ?? process.env.E2E_PORT ?? '4317',
    WEB_DIST_DIR: process.env.WEB_DIST_DIR ?? 'dist/web',
    SIM_NOW: E2E_SIM_NOW,
    SIM_SEED: E2E_SIM_SEED,
    SIM_TEST_CONTROLS: '1',
    // The index has its own server (start-index-server.ts): these specs pin the pure proxy.
    INDEX: 'off',
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

import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/find-chromium.ts';

const port = Number(process.env.E2E_PORT ?? 4317);
const fixturePort = Number(process.env.E2E_FIXTURE_PORT ?? 4318);
const indexPort = Number(process.env.E2E_INDEX_PORT ?? 4319);
const executablePath = findChromium();

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 30_000,
  fullyParallel: false,
  // Two cores on our machines: one worker keeps the server and the browser from starving.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  // Three real dashboard servers from the production build (WEB_DIST_DIR, default dist/web):
  // on the simulator with a fixed clock (E2E_PORT), on a fake Plivo serving the SDK fixtures
  // (E2E_FIXTURE_PORT), and on the simulator with the session index on (E2E_INDEX_PORT).
  // Specs reach the second and third by absolute URL.
  webServer: [
    {
      command: 'node --import tsx e2e/support/start-test-server.ts',
      url: `http://127.0.0.1:${port}/`,
      env: { PORT: String(port) },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
    },
    {
      command: 'node --import tsx e2e/support/start-fixture-server.ts',
      url: `http://127.0.0.1:${fixturePort}/api/health`,
      env: { E2E_FIXTURE_PORT: String(fixturePort) },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
    },
    {
      command: 'node --import tsx e2e/support/start-index-server.ts',
      url: `http://127.0.0.1:${indexPort}/api/health`,
      env: { E2E_INDEX_PORT: String(indexPort) },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
    },
  ],
});

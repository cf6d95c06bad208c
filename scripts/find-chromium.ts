import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * Finds a Chromium for the browser tests, in this order: PLAYWRIGHT_CHROMIUM_PATH, the
 * system's /usr/bin/chromium, Playwright's own download; failing those, as root on Debian,
 * installs Debian's `chromium` package (Playwright's own download is unreachable on our
 * machines). Returns the executable path, or throws one sentence saying how to get one.
 */
export function findChromium(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`PLAYWRIGHT_CHROMIUM_PATH points to ${fromEnv}, which does not exist.`);
  }
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  if (playwrightOwnChromiumExists()) return undefined;
  if (canInstallDebianChromium()) {
    console.log('No Chromium found: installing Debian’s chromium package (apt-get)…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  }
  throw new Error(
    'No Chromium for the browser tests: install one (Debian/Ubuntu: `sudo apt-get install chromium`; ' +
      'elsewhere: `npx playwright install chromium`) or set PLAYWRIGHT_CHROMIUM_PATH to its executable.',
  );
}

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags that let Chromium run as root on our machines: no sandbox, no GPU, and none of the
 * background connections that this network refuses (they otherwise flood the log).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function playwrightOwnChromiumExists(): boolean {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

function canInstallDebianChromium(): boolean {
  return process.getuid?.() === 0 && existsSync('/etc/debian_version');
}

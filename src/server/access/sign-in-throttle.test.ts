import { scrypt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword } from './passwords.ts';
import { SIGN_IN_LIMITS } from './sign-in-throttle.ts';
import { startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream.ts';
import { startDashboard, type TestDashboard } from '../testing/harness.ts';

// Counts scrypt runs, the cost every password check puts on the libuv thread pool.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, scrypt: vi.fn<typeof actual.scrypt>(actual.scrypt) };
});
const scryptRuns = () => vi.mocked(scrypt).mock.calls.length;

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
/** The test connects over loopback, a trusted proxy by default: X-Forwarded-For names the client. */
const from = (address: string, authorization: string) => ({
  'x-forwarded-for': address,
  authorization,
});
const ALICE = basic('alice', 'correct horse battery');
const BOB = basic('bob', 'another long one');

let upstream: FakeUpstream;
let dash: TestDashboard;
beforeAll(async () => {
  upstream = await startFakeUpstream(() => ({ json: { meta: {}, sessions: [] } }));
  const users = `alice:${await hashPassword('correct horse battery')},bob:${await hashPassword('another long one')}`;
  dash = await startDashboard({ DASHBOARD_USERS: users }, upstream);
  // The decoy hash for unknown users is made at start-up: let it finish before counting.
  await fetch(`${dash.url}/api/health`, { headers: from('192.0.2.1', basic('nobody', 'x')) });
});
afterAll(async () => {
  await dash.close();
  await upstream.close();
});

// Each wrong password is a real scrypt run: on a busy machine a test of a dozen takes seconds.
describe('sign-in throttling', { timeout: 20_000 }, () => {
  it('answers 429 with Retry-After, without scrypt, once an address has failed too often', async () => {
    const before = scryptRuns();
    const replies: Response[] = [];
    for (let i = 0; i < SIGN_IN_LIMITS.failuresPerWindow + 5; i += 1) {
      replies.push(
        await fetch(`${dash.url}/api/health`, {
          headers: from('203.0.113.66', basic(`guess${i}`, 'wrong')),
        }),
      );
    }
    const statuses = replies.map((r) => r.status);
    expect(statuses).toEqual([
      ...Array<number>(SIGN_IN_LIMITS.failuresPerWindow).fill(401),
      ...Array<number>(5).fill(429),
    ]);
    expect(scryptRuns() - before).toBe(SIGN_IN_LIMITS.failuresPerWindow);
    const last = replies.at(-1);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await last?.json()).toMatchObject({ error: { code: 'rate_limited' } });
    const page = await fetch(`${dash.url}/`, { headers: from('203.0.113.66', ALICE) });
    expect([page.status, Number(page.headers.get('retry-after')) > 0]).toEqual([429, true]);
  });

  it('throttles a user name guessed from many addresses; a signed-in browser keeps working', async () => {
    const signedIn = await fetch(`${dash.url}/api/health`, {
      headers: from('198.51.100.9', ALICE),
    });
    expect(signedIn.status).toBe(200);
    for (let i = 0; i < SIGN_IN_LIMITS.failuresPerWindow; i += 1) {
      const wrong = basic('alice', `wrong ${i}`);
      await fetch(`${dash.url}/api/health`, { headers: from(`198.18.0.${i + 1}`, wrong) });
    }
    const guess = await fetch(`${dash.url}/api/health`, {
      headers: from('198.18.1.1', basic('alice', 'yet another guess')),
    });
    expect(guess.status).toBe(429);
    // The verified header is remembered, so it never meets the throttle.
    const before = scryptRuns();
    const again = await fetch(`${dash.url}/api/health`, { headers: from('198.51.100.9', ALICE) });
    expect(again.status).toBe(200);
    expect(scryptRuns()).toBe(before);
  });

  it('bounds scrypt runs under a concurrent flood, and lets another user in quickly meanwhile', async () => {
    const before = scryptRuns();
    const flood = Array.from({ length: 60 }, (_, i) =>
      fetch(`${dash.url}/api/health`, {
        headers: from('203.0.113.200', basic(`flood${i}`, 'wrong')),
      }).then((r) => r.status),
    );
    const started = performance.now();
    const bob = await fetch(`${dash.url}/api/health`, { headers: from('192.0.2.50', BOB) });
    const bobMs = performance.now() - started;
    const statuses = await Promise.all(flood);
    // A flood that started first may hold both check slots; bob is then told to retry at once.
    const bobStatus =
      bob.status === 429
        ? (await fetch(`${dash.url}/api/health`, { headers: from('192.0.2.50', BOB) })).status
        : bob.status;
    expect(bobStatus).toBe(200);
    expect(bobMs).toBeLessThan(2_000);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(
      SIGN_IN_LIMITS.failuresPerWindow,
    );
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(
      60 - SIGN_IN_LIMITS.failuresPerWindow,
    );
    // Each failure is one run; bob needs at most two (one refused for want of a slot).
    expect(scryptRuns() - before).toBeLessThanOrEqual(SIGN_IN_LIMITS.failuresPerWindow + 1);
  });
});

describe('a page load after a restart (nothing remembered yet)', () => {
  it('checks its many parallel requests with one scrypt run, and lets them all in', async () => {
    const users = `carol:${await hashPassword('a third long password')}`;
    const fresh = await startDashboard({ DASHBOARD_USERS: users }, upstream);
    try {
      const carol = { authorization: basic('carol', 'a third long password') };
      const before = scryptRuns();
      const statuses = await Promise.all(
        Array.from({ length: 12 }, () =>
          fetch(`${fresh.url}/api/health`, { headers: carol }).then((r) => r.status),
        ),
      );
      expect(statuses).toEqual(Array<number>(12).fill(200));
      expect(scryptRuns() - before).toBe(1);
    } finally {
      await fresh.close();
    }
  });
});

describe('the client address behind X-Forwarded-For', { timeout: 20_000 }, () => {
  it('counts an IPv6 client by its /64, which one host can rotate through', async () => {
    for (let i = 1; i <= SIGN_IN_LIMITS.failuresPerWindow; i += 1) {
      const wrong = basic(`v6guess${i}`, 'wrong');
      await fetch(`${dash.url}/api/health`, { headers: from(`2001:db8::${i}`, wrong) });
    }
    const status = (address: string) =>
      fetch(`${dash.url}/api/health`, {
        headers: from(address, basic(`v6 ${address}`, 'wrong')),
      }).then((r) => r.status);
    expect(await status('2001:db8:0:0:ffff::2')).toBe(429);
    expect(await status('2001:db8:0:1::1')).toBe(401);
  });

  it('is taken only from a trusted proxy: others cannot dodge the throttle by writing it', async () => {
    const users = `alice:${await hashPassword('correct horse battery')}`;
    // The test connects over loopback, which this list leaves out.
    const direct = await startDashboard({ DASHBOARD_USERS: users, TRUSTED_PROXIES: '10.0.0.0/8' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < SIGN_IN_LIMITS.failuresPerWindow + 1; i += 1) {
        const reply = await fetch(`${direct.url}/api/health`, {
          headers: from(`198.18.2.${i + 1}`, basic(`name${i}`, 'wrong')),
        });
        statuses.push(reply.status);
      }
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await direct.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from './passwords.ts';
import { startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream.ts';
import { rawGet, startDashboard, type TestDashboard } from '../testing/harness.ts';

const emptyPage = { meta: { limit: 20, offset: 0, next: null }, sessions: [] };
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = await startFakeUpstream(() => ({ json: emptyPage }));
});
afterAll(async () => {
  await upstream.close();
});

describe('HTTP Basic with hashed passwords (DASHBOARD_USERS)', () => {
  let dash: TestDashboard;
  beforeAll(async () => {
    const users = `alice:${await hashPassword('correct horse battery')},bob:${await hashPassword('another long one')}`;
    dash = await startDashboard({ DASHBOARD_USERS: users }, upstream);
  });
  afterAll(async () => {
    await dash.close();
  });

  it('asks for a password on the app and the API, without reaching upstream', async () => {
    const before = upstream.calls();
    const page = await fetch(`${dash.url}/`);
    expect(page.status).toBe(401);
    expect(page.headers.get('www-authenticate')).toMatch(/^Basic realm="OTP sessions dashboard"/);
    const api = await fetch(`${dash.url}/api/sessions`);
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ error: { code: 'unauthorised' } });
    expect(upstream.calls()).toBe(before);
  });

  it('refuses a wrong password and an unknown user', async () => {
    for (const auth of [
      basic('alice', 'wrong password!'),
      basic('mallory', 'correct horse battery'),
      'Basic !!!',
      'Bearer x',
    ]) {
      const response = await fetch(`${dash.url}/api/health`, { headers: { authorization: auth } });
      expect(response.status).toBe(401);
    }
  });

  it('lets each listed user in', async () => {
    for (const auth of [
      basic('alice', 'correct horse battery'),
      basic('bob', 'another long one'),
    ]) {
      const response = await fetch(`${dash.url}/api/sessions`, {
        headers: { authorization: auth },
      });
      expect(response.status).toBe(200);
    }
  });

  it('accepts any Host name once sign-in is required (it sits behind a proxy)', async () => {
    const reply = await rawGet(
      dash.url,
      '/api/health',
      `Authorization: ${basic('alice', 'correct horse battery')}\r\nHost: dashboard.example.com\r\n`,
    );
    expect(reply.status).toBe(200);
  });
});

describe('a trusted identity header from a login proxy (TRUST_IDENTITY_HEADER)', () => {
  let dash: TestDashboard;
  beforeAll(async () => {
    dash = await startDashboard({ TRUST_IDENTITY_HEADER: 'X-Forwarded-Email' }, upstream);
  });
  afterAll(async () => {
    await dash.close();
  });

  it('answers 401 without the header and serves with it', async () => {
    const without = await fetch(`${dash.url}/api/sessions`);
    expect(without.status).toBe(401);
    expect(await without.json()).toMatchObject({
      error: { code: 'unauthorised', message: expect.stringMatching(/x-forwarded-email/i) },
    });
    const blank = await fetch(`${dash.url}/`, { headers: { 'x-forwarded-email': '  ' } });
    expect(blank.status).toBe(401);
    const withIt = await fetch(`${dash.url}/api/sessions`, {
      headers: { 'x-forwarded-email': 'ana@example.com' },
    });
    expect(withIt.status).toBe(200);
  });
});

describe('a trusted identity header with ALLOWED_HOSTS', () => {
  it('refuses other Host names, so a DNS-rebinding page cannot send the header itself', async () => {
    const dash = await startDashboard(
      { TRUST_IDENTITY_HEADER: 'X-Forwarded-Email', ALLOWED_HOSTS: 'dash.example.com' },
      upstream,
    );
    try {
      const who = 'X-Forwarded-Email: ana@example.com\r\n';
      const evil = await rawGet(dash.url, '/api/health', `${who}Host: evil.example\r\n`);
      expect(evil.status).toBe(403);
      const proxied = await rawGet(dash.url, '/api/health', `${who}Host: dash.example.com\r\n`);
      expect(proxied.status).toBe(200);
      expect(dash.logs.join('\n')).toMatch(
        /Access: trusted identity header .*; answers only for Host/,
      );
      expect(dash.logs.join('\n')).not.toMatch(/ALLOWED_HOSTS is not set/);
    } finally {
      await dash.close();
    }
  });

  it('without ALLOWED_HOSTS, warns at start-up and says how to turn the Host check on', async () => {
    const dash = await startDashboard({ TRUST_IDENTITY_HEADER: 'X-Forwarded-Email' }, upstream);
    await dash.close();
    expect(dash.logs).toContain(
      'WARNING: ALLOWED_HOSTS is not set: a DNS-rebinding page can send x-forwarded-email itself. ' +
        "Set ALLOWED_HOSTS to the login proxy's host name.",
    );
  });
});

describe('a trusted identity header from a peer that is not the login proxy', () => {
  it('is refused, whatever it says, when the peer is not in TRUSTED_PROXIES', async () => {
    // The test connects over loopback, which this list leaves out.
    const dash = await startDashboard(
      { TRUST_IDENTITY_HEADER: 'X-Forwarded-Email', TRUSTED_PROXIES: '10.0.0.0/8, fd00::/8' },
      upstream,
    );
    try {
      const before = upstream.calls();
      const who = { 'x-forwarded-email': 'ana@example.com' };
      const api = await fetch(`${dash.url}/api/sessions`, { headers: who });
      expect(api.status).toBe(403);
      expect(await api.json()).toMatchObject({
        error: { code: 'unauthorised', message: expect.stringMatching(/TRUSTED_PROXIES/) },
      });
      const page = await fetch(`${dash.url}/`, { headers: who });
      expect([page.status, await page.text()]).toEqual([
        403,
        expect.stringMatching(/only through its login proxy/),
      ]);
      expect(upstream.calls()).toBe(before);
      expect(dash.logs.join('\n')).toMatch(/from a login proxy at 10\.0\.0\.0\/8, fd00::\/8/);
    } finally {
      await dash.close();
    }
  });

  it('is believed from loopback by default, IPv4 and IPv4-mapped IPv6 alike', async () => {
    const dash = await startDashboard(
      { TRUST_IDENTITY_HEADER: 'X-Forwarded-Email', HOST: '::' },
      upstream,
    );
    try {
      const port = new URL(dash.url).port;
      const who = { 'x-forwarded-email': 'ana@example.com' };
      // On a dual-stack socket an IPv4 client's address reads ::ffff:127.0.0.1.
      for (const base of [`http://127.0.0.1:${port}`, `http://[::1]:${port}`]) {
        const reply = await fetch(`${base}/api/health`, { headers: who });
        expect([base, reply.status]).toEqual([base, 200]);
      }
    } finally {
      await dash.close();
    }
  });
});

describe('no access control', () => {
  it('answers only for loopback host names, so a DNS-rebinding page cannot read the API', async () => {
    const dash = await startDashboard({ ALLOWED_HOSTS: 'dash.internal' }, upstream);
    try {
      expect((await rawGet(dash.url, '/api/health', 'Host: evil.example:80\r\n')).status).toBe(403);
      for (const host of ['localhost:8080', '127.0.0.1', '[::1]:80', 'dash.internal']) {
        expect([host, (await rawGet(dash.url, '/api/health', `Host: ${host}\r\n`)).status]).toEqual(
          [host, 200],
        );
      }
    } finally {
      await dash.close();
    }
  });

  it('warns at start-up when listening beyond loopback', async () => {
    const dash = await startDashboard({ HOST: '0.0.0.0' }, upstream);
    await dash.close();
    expect(dash.logs.join('\n')).toMatch(/WARNING: listening on 0\.0\.0\.0 without access control/);
    const quiet = await startDashboard({}, upstream);
    await quiet.close();
    expect(quiet.logs.join('\n')).not.toMatch(/WARNING: listening/);
  });
});

describe('the liveness probe for load balancers', () => {
  it('answers /healthz without a login and for any Host, saying nothing else', async () => {
    const dash = await startDashboard(
      { TRUST_IDENTITY_HEADER: 'X-Forwarded-Email', ALLOWED_HOSTS: 'dash.example.com' },
      upstream,
    );
    try {
      const before = upstream.calls();
      const probe = await rawGet(dash.url, '/healthz', 'Host: 10.0.3.7:8080\r\n');
      expect([probe.status, probe.body]).toEqual([200, 'ok']);
      expect(probe.head).toMatch(/cache-control: no-store/i);
      const head = await rawGet(dash.url, '/healthz', 'Host: 10.0.3.7\r\n');
      expect(head.status).toBe(200);
      expect(upstream.calls()).toBe(before);
      // Nothing else is opened up by it.
      expect((await rawGet(dash.url, '/api/health', 'Host: dash.example.com\r\n')).status).toBe(
        401,
      );
      expect((await rawGet(dash.url, '/healthz/x', 'Host: dash.example.com\r\n')).status).toBe(401);
      expect((await rawGet(dash.url, '/', 'Host: 10.0.3.7\r\n')).status).toBe(403);
    } finally {
      await dash.close();
    }
  });
});

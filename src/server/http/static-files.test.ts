import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './security.ts';
import { rawGet, startDashboard, type TestDashboard } from '../testing/harness.ts';

// Counts file system calls: each one waits for a libuv pool thread, as password checks do.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    stat: vi.fn<typeof actual.stat>(actual.stat),
    readFile: vi.fn<typeof actual.readFile>(actual.readFile),
  };
});

const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(5_000))});`;
let dir: string;
let dash: TestDashboard;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dashboard-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-Ab12Cd34.js'), SCRIPT);
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, '.env'), 'SECRET=1');
  dash = await startDashboard({ WEB_DIST_DIR: dir });
});
afterAll(async () => {
  await dash.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(dash.url + path, { headers });

describe('serving the built app', () => {
  it('serves index.html at / (and by name) to be revalidated on every load', async () => {
    for (const path of ['/', '/index.html']) {
      const response = await get(path, { 'accept-encoding': 'identity' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect([path, response.headers.get('cache-control')]).toEqual([path, 'no-cache']);
      expect(await response.text()).toBe(INDEX);
    }
  });

  it('answers deep links with the app, but never /api paths or missing files', async () => {
    for (const path of [
      '/sessions/78ae7ada-b87c-449c-86b7-91443da3a68b',
      '/sessions',
      '/sessions/x?open=1',
    ]) {
      const response = await get(path);
      expect([path, response.status, await response.text()]).toEqual([path, 200, INDEX]);
    }
    for (const path of [
      '/api/nothing',
      '/assets/index-Missing1.js',
      '/favicon.ico',
      '/admin',
      '/v1/Account/',
    ]) {
      const response = await get(path);
      expect([path, response.status]).toEqual([path, 404]);
      expect(await response.text()).not.toContain('<div id="root">');
    }
  });

  it('gives a browser asking for an unknown page the app, with status 404', async () => {
    const page = await get('/admin', { accept: 'text/html,application/xhtml+xml' });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toBe(INDEX);
    // A script or an asset request still gets a plain 404.
    const asset = await get('/assets/index-Missing1.js', { accept: '*/*' });
    expect([asset.status, await asset.text()]).toEqual([404, 'Not found.']);
  });

  it('makes hashed assets immutable and compresses them with brotli or gzip', async () => {
    const br = await fetch(`${dash.url}/assets/index-Ab12Cd34.js`, {
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(br.headers.get('content-type')).toMatch(/^text\/javascript/);
    // fetch decodes transparently; the raw bytes are checked through a raw request below.
    expect(await br.text()).toBe(SCRIPT);
    const rawBr = await rawGet(dash.url, '/assets/index-Ab12Cd34.js', 'Accept-Encoding: br\r\n');
    expect(Number(/content-length: (\d+)/i.exec(rawBr.head)?.[1])).toBeLessThan(SCRIPT.length / 10);
    const gz = await rawBytes('/assets/index-Ab12Cd34.js', 'gzip');
    expect(gz.encoding).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);
    const brBytes = await rawBytes('/assets/index-Ab12Cd34.js', 'br');
    expect(brotliDecompressSync(brBytes.body).toString()).toBe(SCRIPT);
  });

  it('answers repeated requests from memory, without touching the file system', async () => {
    const paths = ['/', '/assets/index-Ab12Cd34.js', '/sessions/x'];
    for (const path of paths) expect((await get(path)).status).toBe(200);
    const calls = () => vi.mocked(stat).mock.calls.length + vi.mocked(readFile).mock.calls.length;
    const before = calls();
    for (let i = 0; i < 10; i += 1) {
      for (const path of paths) expect((await get(path)).status).toBe(200);
    }
    expect(calls()).toBe(before);
  });

  it('revalidates with ETag', async () => {
    const first = await get('/', { 'accept-encoding': 'br' });
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^".+-br"$/);
    const again = await get('/', { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
  });

  it('never serves dotfiles or anything outside the directory', async () => {
    for (const target of ['/.env', '/%2eenv', '/assets/..%2f.env', '/..%2f..%2fetc%2fpasswd']) {
      const reply = await rawGet(dash.url, target);
      expect([target, reply.status >= 400 && reply.status < 500]).toEqual([target, true]);
      expect(reply.body).not.toContain('SECRET');
    }
  });

  it('sends the security headers on pages, assets, API replies and errors', async () => {
    for (const path of [
      '/',
      '/assets/index-Ab12Cd34.js',
      '/api/health',
      '/api/nope',
      '/nope.txt',
    ]) {
      const response = await get(path);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
    // Scripts from this origin, plus index.html's inline script(s) by hash, and nothing else.
    const inline = [
      ...readFileSync('index.html', 'utf8').matchAll(/<script>([\s\S]*?)<\/script>/g),
    ];
    const hashes = inline.map(
      (m) =>
        `'sha256-${createHash('sha256')
          .update(m[1] ?? '')
          .digest('base64')}'`,
    );
    expect(hashes).toHaveLength(1);
    expect(CONTENT_SECURITY_POLICY, 'update EARLY_INPUT_SCRIPT_HASH in security.ts').toContain(
      `script-src 'self' ${hashes.join(' ')};`,
    );
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
  });
});

describe('without a built app', () => {
  it('says how to build it instead of failing obscurely', async () => {
    const bare = await startDashboard({ WEB_DIST_DIR: join(dir, 'missing') });
    try {
      const response = await fetch(`${bare.url}/`);
      expect(response.status).toBe(503);
      expect(await response.text()).toMatch(/npm run build/);
      expect(bare.logs.join('\n')).toMatch(/WARNING: no built app/);
    } finally {
      await bare.close();
    }
  });
});

async function rawBytes(
  path: string,
  encoding: string,
): Promise<{ encoding: string | null; body: Buffer }> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request(
      `${dash.url}${path}`,
      { headers: { 'accept-encoding': encoding } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            encoding: res.headers['content-encoding'] ?? null,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from './app-env.ts';
import { CONTENT_SECURITY_POLICY, EARLY_INPUT_SCRIPT_HASH, securityHeaders } from './security.ts';

// Written out in full, so a change of library or option that adds, drops or rewords any header
// shows here rather than in a browser.
const POLICY =
  `default-src 'self'; script-src 'self' '${EARLY_INPUT_SCRIPT_HASH}'; style-src 'self'; img-src 'self' data:; ` +
  "font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; " +
  "base-uri 'none'; form-action 'self'";
const HEADERS = {
  'content-security-policy': POLICY,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};
const HASH = 'n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=';

function app(): Hono<AppEnv> {
  const a = new Hono<AppEnv>();
  a.use('*', securityHeaders());
  a.get('/text', (c) => c.text('ok'));
  a.get('/styled', (c) => {
    c.set('styleHash', HASH);
    return c.html('<p>ok</p>');
  });
  a.get('/own-headers', (c) => {
    c.header('X-Frame-Options', 'SAMEORIGIN');
    c.header('X-Powered-By', 'test');
    return c.text('ok');
  });
  a.get('/throws', () => {
    throw new Error('boom');
  });
  a.onError((_error, c) => c.text('failed', 500));
  return a;
}

/** Every header but the body's own, lower-cased. */
async function headersOf(path: string): Promise<Record<string, string>> {
  const reply = await app().request(path);
  return Object.fromEntries(
    [...reply.headers].filter(([name]) => !['content-type', 'content-length'].includes(name)),
  );
}

describe('securityHeaders', () => {
  it('sends exactly our headers, and no other defaults of secure-headers', async () => {
    expect(CONTENT_SECURITY_POLICY).toBe(POLICY);
    expect(await headersOf('/text')).toEqual(HEADERS);
    expect(await headersOf('/nope')).toEqual(HEADERS);
    expect(await headersOf('/throws')).toEqual(HEADERS);
  });

  it("admits a pre-rendered page's stylesheet by its hash, and only on that response", async () => {
    expect(await headersOf('/styled')).toEqual({
      ...HEADERS,
      'content-security-policy': POLICY.replace(
        "style-src 'self';",
        `style-src 'self' 'sha256-${HASH}';`,
      ),
    });
    expect(await headersOf('/text')).toEqual(HEADERS);
  });

  it("overrides a handler's own security header and leaves other headers alone", async () => {
    expect(await headersOf('/own-headers')).toEqual({ ...HEADERS, 'x-powered-by': 'test' });
  });
});

import { connect } from 'node:net';
import { configFrom } from '../config/config.ts';
import { startServer, type RunningServer } from '../server.ts';
import type { FakeUpstream } from './fake-upstream.ts';

/** Credentials only tests use; the token is distinctive so a leak anywhere is found by grep. */
export const TEST_AUTH_ID = 'MAODZKMDFJMJU3MTEYNG';
export const TEST_AUTH_TOKEN = 'Zx9-test-token-NEVER-ECHO-7f3a91c2';
export const TEST_TOKEN_BASE64 = Buffer.from(`${TEST_AUTH_ID}:${TEST_AUTH_TOKEN}`).toString(
  'base64',
);

export type TestDashboard = {
  url: string;
  logs: string[];
  server: RunningServer;
  close(): Promise<void>;
};

/** A real dashboard server on an ephemeral loopback port, its log lines captured. */
export async function startDashboard(
  env: Record<string, string>,
  upstream?: FakeUpstream,
  options: { budgetWindowMs?: number; budgetClock?: () => number } = {},
): Promise<TestDashboard> {
  const logs: string[] = [];
  const config = configFrom({
    PORT: '0',
    WEB_DIST_DIR: '/nonexistent/dashboard-test-dist',
    // The proxy's own tests pin the pure proxy; index tests turn it on with a DATA_DIR.
    INDEX: 'off',
    // Short links would write into the working copy's ./data; their tests give a DATA_DIR.
    SHORT_LINKS: 'off',
    ...(upstream
      ? {
          PLIVO_AUTH_ID: TEST_AUTH_ID,
          PLIVO_AUTH_TOKEN: TEST_AUTH_TOKEN,
          PLIVO_API_URL: upstream.url,
        }
      : {}),
    ...env,
  });
  const server = await startServer(config, { ...options, log: (line) => logs.push(line) });
  const url = server.url.replace(/\/$/, '');
  return { url, logs, server, close: () => server.close() };
}

export type RawReply = { status: number; head: string; body: string };

/**
 * Sends a request byte for byte, bypassing URL normalisation of fetch, so targets like
 * `/api/../v1/Account/` or `http://evil.example/…` reach the server as written.
 */
export function rawRequest(url: string, requestText: string): Promise<RawReply> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(requestText));
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      data += chunk;
    });
    socket.on('error', reject);
    socket.on('end', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), head, body });
    });
  });
}

export function rawGet(url: string, target: string, extraHeaders = ''): Promise<RawReply> {
  const host = /^host:/im.test(extraHeaders) ? '' : 'Host: 127.0.0.1\r\n';
  return rawRequest(
    url,
    `GET ${target} HTTP/1.1\r\n${host}${extraHeaders}Connection: close\r\n\r\n`,
  );
}

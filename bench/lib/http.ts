import { connect } from 'node:net';

export type HttpResult = { status: number; body: unknown; text: string; ms: number };

/** GET with a hard client-side deadline; a network failure resolves to status 0. */
export async function httpGet(
  url: string,
  options: { headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<HttpResult> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      ...(options.headers ? { headers: options.headers } : {}),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const text = await response.text();
    let body: unknown = undefined;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, body, text, ms: performance.now() - started };
  } catch (error) {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { status: 0, body: undefined, text, ms: performance.now() - started };
  }
}

/** Resolves once something accepts TCP connections on the port (without spending an API call). */
export async function waitForPort(port: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ port, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await sleep(100);
  }
  throw new Error(`nothing listened on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function basicAuth(id: string, token: string): string {
  return `Basic ${Buffer.from(`${id}:${token}`).toString('base64')}`;
}

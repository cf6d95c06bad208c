import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A scripted stand-in for Plivo on a real loopback port: each test says how it answers
 * (JSON and status, a delay, a reset connection, a garbled or endless body) and reads back
 * every request it received, so call counts and sent credentials are observed, not assumed.
 */
export type FakeRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  at: number;
};

export type FakeReply =
  | {
      status?: number;
      json?: unknown;
      body?: string;
      headers?: Record<string, string>;
      delayMs?: number;
    }
  /** Drops the connection without answering. */
  | { reset: true; delayMs?: number }
  /** Sends headers and part of a body, then never finishes. */
  | { stall: true }
  /** Sends headers and half a JSON body, then drops the connection. */
  | { cut: true };

export type FakeHandler = (request: FakeRequest) => FakeReply | Promise<FakeReply>;

export type FakeUpstream = {
  url: string;
  requests: FakeRequest[];
  /** Requests to the Verify session API (probes of `/` are not counted). */
  calls(): number;
  handle(handler: FakeHandler): void;
  close(): Promise<void>;
};

const notFound: FakeHandler = () => ({ status: 404, json: { api_id: 'x', error: 'not found' } });

export async function startFakeUpstream(handler: FakeHandler = notFound): Promise<FakeUpstream> {
  let current = handler;
  const requests: FakeRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const request: FakeRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      at: Date.now(),
    };
    requests.push(request);
    void Promise.resolve(current(request)).then(async (reply) => {
      if ('delayMs' in reply && reply.delayMs)
        await new Promise((r) => setTimeout(r, reply.delayMs));
      if ('reset' in reply) return req.socket.destroy();
      if ('stall' in reply) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.write('{"sessions": [');
      }
      if ('cut' in reply) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"api_id": "x", "sessions": [');
        return setTimeout(() => req.socket.destroy(), 20);
      }
      const body = reply.body ?? JSON.stringify(reply.json ?? {});
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      return res.end(body);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    calls: () => requests.filter((r) => r.path.includes('/Verify/Session/')).length,
    handle(next) {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

import { createServer, request } from 'node:http';
import type { Socket } from 'node:net';
import { LOOPBACK } from './ports.ts';

export type UpstreamCall = { at: number; kind: 'list' | 'retrieve' | 'other'; status: number };

export type CountingProxy = {
  url: string;
  calls: UpstreamCall[];
  reset: () => void;
  close: () => Promise<void>;
};

function kindOf(path: string): UpstreamCall['kind'] {
  if (/\/Verify\/Session\/?(\?|$)/.test(path)) return 'list';
  if (/\/Verify\/Session\/[^/?]+\/?(\?|$)/.test(path)) return 'retrieve';
  return 'other';
}

/**
 * A transparent loopback proxy in front of the upstream that records every call the dashboard
 * server makes — the "upstream economy" figures count these, not anything the server reports.
 */
export async function startCountingProxy(port: number, target: string): Promise<CountingProxy> {
  const calls: UpstreamCall[] = [];
  const sockets = new Set<Socket>();
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path,
        headers: { ...req.headers, host: upstream.host },
      },
      (reply) => {
        calls.push({ at: Date.now(), kind: kindOf(path), status: reply.statusCode ?? 0 });
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    forward.on('error', () => {
      calls.push({ at: Date.now(), kind: kindOf(path), status: 0 });
      res.destroy();
    });
    req.pipe(forward);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => resolve());
  });
  return {
    url: `http://${LOOPBACK}:${port}`,
    calls,
    reset: () => {
      calls.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { LOOPBACK } from './ports.ts';
import { fixtureSessions, syntheticUuid, type WireSession } from './fixtures.ts';

/**
 * A scripted stand-in for Plivo on loopback: real SDK payloads at the real paths, plus faults
 * on demand (hang, reset, status codes, garbled bodies). Independent of the simulator, so the
 * fault tests do not depend on its control API.
 */
export type FakeReply =
  | { kind: 'json'; status: number; body: unknown }
  | { kind: 'raw'; status: number; body: string; contentType?: string }
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'delay'; ms: number; reply: FakeReply };

export type FakeRequest = { path: string; query: URLSearchParams; uuid: string | null; n: number };
export type FakeHandler = (request: FakeRequest) => FakeReply;

export type FakeUpstream = {
  url: string;
  calls: { path: string; reply: FakeReply['kind']; authorised: boolean }[];
  setHandler: (handler: FakeHandler) => void;
  close: () => Promise<void>;
};

const LIST = /^\/v1\/Account\/([A-Z0-9]+)\/Verify\/Session\/?$/;
const ONE = /^\/v1\/Account\/([A-Z0-9]+)\/Verify\/Session\/([^/]+)\/?$/;

/** `total` sessions cycled from the fixtures, each with its own uuid, newest first. */
export function syntheticSessions(total: number): WireSession[] {
  const base = fixtureSessions();
  return Array.from({ length: total }, (_, i) => {
    const source = base[i % base.length]!;
    return { ...source, session_uuid: syntheticUuid(i) };
  });
}

/** Plivo's list reply for one page of `sessions`, honouring limit and offset. */
export function listReply(
  sessions: readonly WireSession[],
  query: URLSearchParams,
  authId: string,
) {
  const limit = Math.min(20, Math.max(1, Number(query.get('limit') ?? 20) || 20));
  const offset = Math.max(0, Number(query.get('offset') ?? 0) || 0);
  const page = sessions.slice(offset, offset + limit);
  const link = (o: number) => `/v1/Account/${authId}/Verify/Session/?limit=${limit}&offset=${o}`;
  return {
    api_id: '5b3a1f3e-0000-4000-8000-000000000000',
    meta: {
      limit,
      offset,
      next: offset + limit < sessions.length ? link(offset + limit) : null,
      previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
    },
    sessions: page.length ? page : null,
  };
}

export function defaultHandler(sessions: readonly WireSession[], authId: string): FakeHandler {
  return ({ query, uuid }) => {
    if (uuid === null)
      return { kind: 'json', status: 200, body: listReply(sessions, query, authId) };
    const found = sessions.find((s) => s.session_uuid === uuid);
    return found
      ? { kind: 'json', status: 200, body: { api_id: 'a1', ...found } }
      : { kind: 'json', status: 404, body: { api_id: 'a1', error: 'not found' } };
  };
}

function send(reply: FakeReply, req: IncomingMessage, res: ServerResponse): void {
  if (reply.kind === 'delay') {
    const timer = setTimeout(() => send(reply.reply, req, res), reply.ms);
    res.once('close', () => clearTimeout(timer));
    return;
  }
  if (reply.kind === 'hang') return;
  if (reply.kind === 'reset') {
    req.socket.destroy();
    return;
  }
  const body = reply.kind === 'json' ? JSON.stringify(reply.body) : reply.body;
  const type =
    reply.kind === 'raw' ? (reply.contentType ?? 'application/json') : 'application/json';
  res.writeHead(reply.status, { 'content-type': type });
  res.end(body);
}

export async function startFakeUpstream(options: {
  port: number;
  authId: string;
  sessions?: WireSession[];
}): Promise<FakeUpstream> {
  let handler = defaultHandler(options.sessions ?? syntheticSessions(200), options.authId);
  const calls: FakeUpstream['calls'] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const one = ONE.exec(url.pathname);
    const list = LIST.exec(url.pathname);
    const authorised = (req.headers.authorization ?? '').startsWith('Basic ');
    if (!one && !list) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'not found' }));
      return;
    }
    const reply = handler({
      path: url.pathname,
      query: url.searchParams,
      uuid: one ? decodeURIComponent(one[2]!) : null,
      n: calls.length,
    });
    calls.push({ path: url.pathname, reply: reply.kind, authorised });
    send(reply, req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, () => resolve());
  });
  return {
    url: `http://${LOOPBACK}:${options.port}`,
    calls,
    setHandler: (next) => {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

import { readFile, readdir, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import { LRUCache } from 'lru-cache';
import { hasUnsafeChar } from './security.ts';

/**
 * Serves the built app from WEB_DIST_DIR: hashed `/assets/*` immutable for a year,
 * `index.html` revalidated on every load, deep links (`/sessions/<uuid>`) answered with
 * `index.html`, brotli or gzip chosen from Accept-Encoding and compressed once per file
 * version. Only regular files inside the directory are reachable.
 */
type StaticResult = { response: Response; route: string } | null;

type Encoding = 'br' | 'gzip' | 'identity';
type FileVersion = { path: string; size: number; mtimeMs: number };

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|manifest\+json|xml)|image\/svg\+xml)/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/**
 * The browser app's routes (paths below the root, without the leading slash), answered with
 * index.html. Anything else is a 404 rather than HTML, so a mistyped asset or API-looking
 * path fails visibly. Add a pattern here when the app gains a route.
 */
const SPA_ROUTES = [/^$/, /^sessions$/, /^sessions\/[^/]{1,100}$/];

export class StaticFiles {
  readonly root: string;
  private readonly bodies = new LRUCache<string, Promise<Buffer>>({
    max: 500,
    maxSize: 64 * 1024 * 1024,
    // Sized by the uncompressed file: an upper bound of what the promise will hold.
    sizeCalculation: (_value, key) => Number(key.split('|')[2]) || 1,
  });

  /**
   * File lookups, briefly remembered: bodies are already held in memory, and without this every
   * request would still stat() on the libuv thread pool, where it queues behind password checks
   * (scrypt) and upstream DNS. Two seconds is how long a rebuilt file may go unnoticed.
   */
  private readonly lookups = new LRUCache<string, Promise<FileVersion | null>>({
    max: 2000,
    ttl: 2000,
  });

  constructor(rootDir: string) {
    this.root = resolve(rootDir);
  }

  /** Answers a GET/HEAD for a non-API path, or null when nothing fits (caller sends 404). */
  async serve(c: Context, urlPath: string): Promise<StaticResult> {
    const relative = safeRelativePath(urlPath);
    if (relative === null) return null;
    const file = relative === '' ? null : await this.find(relative);
    if (file)
      return { response: await this.send(c, file, cacheControlFor(relative)), route: 'static' };
    if (!SPA_ROUTES.some((route) => route.test(relative))) return null;
    const index = await this.find('index.html');
    if (!index) return { response: notBuilt(c), route: 'spa' };
    return { response: await this.send(c, index, 'no-cache'), route: 'spa' };
  }

  /**
   * The app at an address it has no page for, with status 404: a browser asking for a page
   * gets the app's styled "Page not found" and a way back, not a bare line of text. Null
   * when the app is not built.
   */
  async notFoundPage(c: Context): Promise<Response | null> {
    const index = await this.find('index.html');
    if (!index) return null;
    const body = await this.body(index, 'identity');
    return c.body(new Uint8Array(body), 404, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
    });
  }

  /** The text of index.html (null when the app is not built), for the pre-render to fill in. */
  async indexHtml(): Promise<string | null> {
    const index = await this.find('index.html');
    if (!index) return null;
    return (await this.body(index, 'identity')).toString('utf8');
  }

  /** Compresses every file ahead of the first visitor; failures only cost speed. */
  async warm(): Promise<void> {
    const names = await readdir(this.root, { recursive: true }).catch(() => []);
    for (const name of names) {
      const file = await this.find(name.split(sep).join('/'));
      if (file && COMPRESSIBLE.test(getMimeType(file.path) ?? '') && !file.path.endsWith('.map')) {
        await this.body(file, 'br').catch(() => undefined);
      }
    }
  }

  private find(relative: string): Promise<FileVersion | null> {
    const path = join(this.root, relative);
    if (!path.startsWith(this.root + sep)) return Promise.resolve(null);
    let found = this.lookups.get(path);
    if (!found) {
      found = stat(path).then(
        (info) => (info.isFile() ? { path, size: info.size, mtimeMs: info.mtimeMs } : null),
        () => null,
      );
      this.lookups.set(path, found);
    }
    return found;
  }

  private async send(c: Context, file: FileVersion, cacheControl: string): Promise<Response> {
    const type = getMimeType(file.path) ?? 'application/octet-stream';
    const etag = `"${file.size.toString(36)}-${Math.floor(file.mtimeMs).toString(36)}"`;
    const compressible = COMPRESSIBLE.test(type);
    const encoding = compressible ? chooseEncoding(c.req.header('accept-encoding')) : 'identity';
    c.header('Content-Type', type);
    c.header('Cache-Control', cacheControl);
    const tag = encoding === 'identity' ? etag : `${etag.slice(0, -1)}-${encoding}"`;
    c.header('ETag', tag);
    if (compressible) c.header('Vary', 'Accept-Encoding');
    if (c.req.header('if-none-match') === tag) return c.body(null, 304);
    const body = await this.body(file, encoding);
    if (encoding !== 'identity') c.header('Content-Encoding', encoding);
    c.header('Content-Length', String(body.length));
    if (c.req.method === 'HEAD') return c.body(null, 200);
    return c.body(new Uint8Array(body), 200);
  }

  private body(file: FileVersion, encoding: Encoding): Promise<Buffer> {
    const key = `${file.path}|${file.mtimeMs}|${file.size}|${encoding}`;
    let body = this.bodies.get(key);
    if (!body) {
      body = readFile(file.path).then((raw) => compress(raw, encoding));
      body.catch(() => this.bodies.delete(key));
      this.bodies.set(key, body);
    }
    return body;
  }
}

/** index.html names the current hashed assets, so it is revalidated however it is asked for. */
function cacheControlFor(relative: string): string {
  if (relative.startsWith('assets/')) return IMMUTABLE;
  return relative === 'index.html' ? 'no-cache' : 'public, max-age=3600';
}

/** `max` for files compressed once and kept; `fast` for a reply compressed per request. */
export function compress(
  raw: Buffer,
  encoding: Encoding,
  effort: 'max' | 'fast' = 'max',
): Promise<Buffer> {
  if (encoding === 'br') {
    return brotli(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: effort === 'max' ? constants.BROTLI_MAX_QUALITY : 4,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    });
  }
  if (encoding === 'gzip') return gzipAsync(raw, { level: effort === 'max' ? 9 : 6 });
  return Promise.resolve(raw);
}

export function chooseEncoding(header: string | undefined): Encoding {
  const accepted = new Set(
    (header ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !/^\s*q=0(\.0*)?\s*$/.test(q ?? ''))
      .map(([name]) => (name ?? '').trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return 'identity';
}

/** The decoded path below the root, or null for anything that is not a plain file path. */
function safeRelativePath(urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const relative = decoded.replace(/^\/+/, '');
  const segments = relative.split('/');
  const bad = segments.some((s, i) => s.startsWith('.') || (s === '' && i < segments.length - 1));
  if (bad || hasUnsafeChar(relative)) return null;
  return relative.endsWith('/') ? relative.slice(0, -1) : relative;
}

function notBuilt(c: Context): Response {
  c.header('Cache-Control', 'no-store');
  return c.text(
    'The web app is not built: run "npm run build" (WEB_DIST_DIR has no index.html).',
    503,
  );
}

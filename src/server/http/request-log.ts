import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';

export type LogLine = (line: string) => void;

/**
 * One line per request: time, method, route pattern, status, duration, upstream calls and
 * cache outcome. Never the raw URL (queries carry phone numbers), never headers (they carry
 * credentials).
 */
export function requestLog(log: LogLine): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const ms = Math.round(performance.now() - started);
      const method = /^[A-Z]{1,10}$/.test(c.req.method) ? c.req.method : 'OTHER';
      const route = c.get('route') ?? 'unmatched';
      const upstream = c.get('upstreamCalls') ?? 0;
      const cache = c.get('cache') ?? '-';
      log(
        `${new Date().toISOString()} ${method} ${route} ${c.res.status} ${ms}ms upstream=${upstream} cache=${cache}`,
      );
    }
  };
}

/**
 * An unexpected error's message can quote the data it failed on, phone numbers included:
 * every run of seven or more digits (spaces, dots, dashes and brackets allowed between them)
 * is masked before the message reaches the log.
 */
export function withoutLongNumbers(text: string): string {
  return text.replace(/\+?\d(?:[\s().-]*\d){6,}/g, '[number]');
}

import { NO_PRERENDER_HEADER } from '../../contract/prerender.ts';

/**
 * Headers a browser, a client library or an ordinary proxy sends by itself. Naming one as
 * TRUST_IDENTITY_HEADER would let in everyone who sends it (every request has a Host), so they
 * are refused at start-up; an identity header is one only the login proxy sets.
 */
const STANDARD = new Set([
  'host',
  'authorization',
  'cookie',
  'user-agent',
  'origin',
  'referer',
  'connection',
  'keep-alive',
  'upgrade',
  'upgrade-insecure-requests',
  'te',
  'trailer',
  'transfer-encoding',
  'expect',
  'range',
  'cache-control',
  'pragma',
  'priority',
  'dnt',
  'save-data',
  'purpose',
  'via',
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'x-real-ip',
  'x-requested-with',
  'traceparent',
  'tracestate',
  NO_PRERENDER_HEADER,
]);
const STANDARD_PREFIXES = ['accept', 'content-', 'sec-', 'if-', 'proxy-', 'access-control-'];

export function isStandardRequestHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return STANDARD.has(lower) || STANDARD_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

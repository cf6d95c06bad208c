import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env.ts';

/**
 * The peers allowed to speak for someone else: the login proxy whose identity header is
 * believed (TRUST_IDENTITY_HEADER), and whose X-Forwarded-For names the client that sign-in
 * throttling counts. Addresses and CIDR ranges, IPv4 and IPv6; an IPv4-mapped IPv6 peer
 * (`::ffff:127.0.0.1`, how a dual-stack socket reports an IPv4 client) matches its IPv4 range.
 */
export type TrustedProxies = { includes: (address: string) => boolean; text: string };

export const DEFAULT_TRUSTED_PROXIES = '127.0.0.0/8, ::1';

export function parseTrustedProxies(text: string): {
  proxies: TrustedProxies;
  problems: string[];
} {
  const list = new BlockList();
  const problems: string[] = [];
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const max = family === 6 ? 128 : 32;
    const bits = prefix === undefined ? max : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!family || rest.length || !(bits <= max)) {
      problems.push(`"${entry.slice(0, 60)}" is not an IP address or CIDR range like 10.0.0.0/8`);
    } else list.addSubnet(address, bits, family === 6 ? 'ipv6' : 'ipv4');
  }
  if (!entries.length) problems.push('lists no address');
  const proxies: TrustedProxies = {
    includes: (address) => {
      const family = isIP(address);
      return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
    },
    text: entries.join(', '),
  };
  return { proxies, problems };
}

/** The TCP peer, or '' when the request did not come over a socket (then nothing trusts it). */
export function peerAddress(c: Context<AppEnv>): string {
  return c.env?.incoming?.socket?.remoteAddress ?? '';
}

/**
 * The client as far as it can be known: the peer, or when the peer is a trusted proxy, the
 * last X-Forwarded-For hop that is not one of our proxies. Our proxies append what they saw,
 * so that hop is real; the hops before it are the client's own claims, which anyone can write.
 */
export function clientAddress(c: Context<AppEnv>, proxies: TrustedProxies): string {
  const peer = peerAddress(c);
  if (!proxies.includes(peer)) return peer;
  const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((h) => h.trim());
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = hops[i] ?? '';
    if (!hop) continue;
    if (!proxies.includes(hop)) return hop.slice(0, 64);
  }
  return peer;
}

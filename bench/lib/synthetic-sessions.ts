import type { Session } from '../../src/contract/session.ts';
import { formatMoney } from '../../src/contract/money.ts';
import { usToIso } from '../../src/contract/query-window.ts';
import { toSessionRow, type SessionRow } from '../../src/server/index/session-row.ts';

/**
 * Synthetic sessions for the index benchmarks, written straight into the store: realistic
 * spreads (20 countries, 3 carriers each, 2 channels, 6 apps, 1–3 attempts, verified 70 %),
 * real normalised-session JSON, over the last 90 days. Deterministic for a seed.
 */
const COUNTRIES = [
  'IN',
  'US',
  'GB',
  'BR',
  'ID',
  'NG',
  'MX',
  'DE',
  'FR',
  'PH',
  'VN',
  'EG',
  'PK',
  'BD',
  'TR',
  'ZA',
  'KE',
  'AR',
  'CO',
  'ES',
];
const NETWORKS = ['AirTel', 'Jio', 'Vodafone'];
const APPS = Array.from({ length: 6 }, (_, i) => `3cdec449-a367-435e-b4f9-40d777a7cf0${i}`);

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function syntheticRows(count: number, nowUs: number, seed = 1): SessionRow[] {
  const random = rng(seed);
  const spanUs = 90 * 86_400_000_000;
  const rows: SessionRow[] = [];
  for (let i = 0; i < count; i++) {
    const createdUs = nowUs - Math.floor(random() * spanUs);
    const country = COUNTRIES[Math.floor(random() ** 2 * COUNTRIES.length)] ?? 'IN';
    const network = NETWORKS[Math.floor(random() * NETWORKS.length)] ?? 'Jio';
    const roll = random();
    const status = roll < 0.7 ? 'verified' : roll < 0.97 ? 'expired' : 'in-progress';
    const attempts = 1 + Math.floor(random() ** 3 * 3);
    const recipient = `${91 + Math.floor(random() * 9)}${String(Math.floor(random() * 1e10)).padStart(10, '0')}`;
    const session = makeSession(i, seed, createdUs, {
      country,
      network,
      status,
      attempts,
      recipient,
      random,
    });
    const row = toSessionRow(session, null);
    if (row) rows.push(row);
  }
  return rows;
}

function makeSession(
  i: number,
  seed: number,
  createdUs: number,
  o: {
    country: string;
    network: string;
    status: string;
    attempts: number;
    recipient: string;
    random: () => number;
  },
): Session {
  const uuid = `${(seed * 1_000_003 + i).toString(16).padStart(8, '0').slice(-8)}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
  const attempts = Array.from({ length: o.attempts }, (_, k) => {
    const channel = k > 0 && o.random() < 0.3 ? 'voice' : 'sms';
    const delivered = o.status === 'verified' || o.random() < 0.6;
    return {
      attemptUuid: `${uuid.slice(0, 30)}${k}`,
      channel,
      status:
        channel === 'voice'
          ? delivered
            ? 'answer'
            : 'ringing'
          : delivered
            ? 'delivered'
            : 'undelivered',
      time: usToIso(createdUs + k * 30_000_000),
      charge: channel === 'voice' ? '0.012' : '0.0045',
      brandName: null,
      appHash: null,
      codeLength: 6,
      dtmf: null,
      fraudCheck: null,
    };
  });
  const total = attempts.reduce(
    (sum, a) => sum + BigInt(a.channel === 'voice' ? 12_000_000 : 4_500_000),
    0n,
  );
  return {
    sessionUuid: uuid,
    appUuid: APPS[i % APPS.length] ?? null,
    alias: 'bench-otp',
    recipient: `+${o.recipient}`,
    channel: attempts.at(-1)?.channel ?? 'sms',
    locale: 'en',
    status: o.status,
    attemptCount: attempts.length,
    requestorIp: '203.0.113.7',
    country: o.country,
    network: o.network,
    createdAt: usToIso(createdUs),
    updatedAt: usToIso(createdUs + (o.attempts - 1) * 30_000_000 + 5_000_000),
    attempts,
    charges: {
      total: formatMoney(total),
      validation: '0',
      computedTotal: formatMoney(total),
      attempts: attempts.map((a) => ({
        attemptUuid: a.attemptUuid,
        channel: a.channel,
        charge: a.charge,
      })),
    },
    warnings: [],
  };
}

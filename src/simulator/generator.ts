import type { World } from './catalog.ts';
import { COUNTRIES, COUNTRY_WEIGHTS, type Country } from './countries.ts';
import { createRng, formatUuid, mix, type Rng } from './prng.ts';
import { encodeLocator } from './locator.ts';

/**
 * The session generator. A session is a pure function of (seed, hour, index): its whole
 * life — attempts, delivery receipts, verification or expiry — is planned up front, and the
 * clock only decides how much of that plan is visible. So the data set needs no mutable
 * state, any hour can be (re)built on demand, and time passing changes replies predictably.
 */
export const HOUR_US = 3_600_000_000;
const MAX_SESSIONS_PER_HOUR = 0xffff;

export type Incident = { country: string; carrier: string; startUs: number; endUs: number };

export type GenContext = {
  seed: number;
  world: World;
  sessionsPerDay: number;
  incidents: readonly Incident[];
};

export type PlannedAttempt = {
  uuid: string;
  channel: 'sms' | 'voice';
  timeUs: number;
  /** When the final status (receipt, call result) is known; before it the attempt is pending. */
  readyUs: number;
  finalStatus: string;
  charge: string;
  dtmf: number | null;
};

export type PlannedSession = {
  uuid: string;
  createdUs: number;
  app: number;
  country: number;
  carrier: number;
  recipient: string;
  requestorIp: string;
  attempts: PlannedAttempt[];
  /** Infinity when the code is never validated. */
  verifiedUs: number;
  expiresUs: number;
};

/** Traffic by UTC hour: India's and Europe's day first, the Americas later. */
const DIURNAL = [
  0.45, 0.4, 0.45, 0.6, 0.85, 1.1, 1.25, 1.35, 1.4, 1.4, 1.35, 1.3, 1.3, 1.3, 1.35, 1.35, 1.3, 1.2,
  1.05, 0.95, 0.85, 0.75, 0.6, 0.5,
];
const DIURNAL_SUM = DIURNAL.reduce((a, b) => a + b, 0);

export function sessionCountForHour(ctx: GenContext, hour: number): number {
  const rng = createRng(mix(ctx.seed, hour, 0xc0de));
  const share = (DIURNAL[((hour % 24) + 24) % 24] ?? 1) / DIURNAL_SUM;
  const mean = ctx.sessionsPerDay * share * (0.85 + 0.3 * rng.next());
  return Math.min(MAX_SESSIONS_PER_HOUR, Math.round(mean));
}

/** Creation times of an hour's sessions, ascending, whole microseconds. */
export function creationTimes(ctx: GenContext, hour: number, count: number): Float64Array {
  const rng = createRng(mix(ctx.seed, hour, 0x7143));
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) times[i] = hour * HOUR_US + Math.floor(rng.next() * HOUR_US);
  return times.sort();
}

export function generateSession(
  ctx: GenContext,
  hour: number,
  index: number,
  createdUs: number,
  /** False skips formatting uuids (the bulk of the cost) when only filter fields are needed. */
  full = true,
): PlannedSession {
  const rng = createRng(mix(ctx.seed, hour, index));
  let uuid = '';
  if (full) uuid = formatUuid(...encodeLocator(ctx.seed, hour, index, rng));
  else rng.skip(3);
  const appIndex = rng.weighted(ctx.world.appWeights);
  const app = ctx.world.apps[appIndex];
  const countryIndex = rng.weighted(COUNTRY_WEIGHTS);
  const country = COUNTRIES[countryIndex];
  if (!app || !country) throw new Error('catalog index out of range');
  const user = userNumber(ctx.seed, countryIndex, country, rng);
  const requestorIp = rng.pick(app.requestorIps);
  const expiresUs = createdUs + app.validity * 1_000_000;
  const session: PlannedSession = {
    uuid,
    createdUs,
    app: appIndex,
    country: countryIndex,
    carrier: user.carrier,
    recipient: user.recipient,
    requestorIp,
    attempts: [],
    verifiedUs: Infinity,
    expiresUs,
  };
  // A small share is blocked before any message goes out (fraud check, invalid route).
  if (rng.chance(0.004)) return session;
  planAttempts(ctx, session, rng, full);
  return session;
}

/** Recipients come from a per-country pool with a long tail, so some numbers recur. */
const POOL_SIZE = 40_000;

function userNumber(seed: number, countryIndex: number, country: Country, rng: Rng) {
  const userId = Math.floor(POOL_SIZE * rng.next() ** 2);
  const userRng = createRng(mix(seed, 0x05e4, countryIndex, userId));
  const prefix = userRng.pick(country.prefixes);
  // North American exchange codes cannot start with 0 or 1.
  const exchange = country.callingCode === '1' ? String(userRng.int(2, 9)) : '';
  const rest = userRng.digits(country.nationalLength - prefix.length - exchange.length);
  const carrier = userRng.weighted(country.carrierWeights);
  return { recipient: `${country.callingCode}${prefix}${exchange}${rest}`, carrier };
}

const MAX_ATTEMPTS = 4;

function planAttempts(ctx: GenContext, session: PlannedSession, rng: Rng, full: boolean): void {
  const app = ctx.world.apps[session.app];
  const country = COUNTRIES[session.country];
  if (!app || !country) return;
  const carrier = country.carriers[session.carrier] ?? '';
  let timeUs = session.createdUs + rng.int(4_000, 40_000);
  for (let k = 0; k < MAX_ATTEMPTS; k++) {
    const voice = k > 0 && app.voiceFallback && rng.chance(0.5);
    const attempt = voice
      ? voiceAttempt(rng, full, timeUs, country, app.dtmf)
      : smsAttempt(rng, full, timeUs, country, isIncident(ctx, country.iso2, carrier, timeUs));
    session.attempts.push(attempt);
    const reached = ['delivered', 'completed', 'answer'].includes(
      attempt.finalStatus.toLowerCase(),
    );
    // `sent` means no receipt came back: the code often arrived anyway.
    const mayHaveArrived = attempt.finalStatus === 'sent' && rng.chance(0.55);
    if ((reached || mayHaveArrived) && rng.chance(0.8)) {
      const verifiedUs = attempt.readyUs + rng.int(6_000_000, 80_000_000);
      if (verifiedUs < session.expiresUs) session.verifiedUs = verifiedUs;
      return;
    }
    if (!rng.chance(0.6)) return;
    timeUs = attempt.readyUs + rng.int(20_000_000, 120_000_000);
    if (timeUs >= session.expiresUs - 5_000_000) return;
  }
}

function isIncident(ctx: GenContext, iso2: string, carrier: string, timeUs: number): boolean {
  return ctx.incidents.some(
    (i) => i.country === iso2 && i.carrier === carrier && timeUs >= i.startUs && timeUs < i.endUs,
  );
}

function smsAttempt(
  rng: Rng,
  full: boolean,
  timeUs: number,
  country: Country,
  incident: boolean,
): PlannedAttempt {
  const trouble = country.smsTrouble;
  const r = rng.next();
  let finalStatus = 'delivered';
  if (incident) finalStatus = 'undelivered';
  else if (r < 0.015 * trouble) finalStatus = 'failed';
  else if (r < 0.04 * trouble) finalStatus = 'undelivered';
  else if (r < 0.08 * trouble) finalStatus = 'sent';
  return {
    uuid: attemptUuid(rng, full),
    channel: 'sms',
    timeUs,
    readyUs: timeUs + rng.int(1_500_000, 12_000_000),
    finalStatus,
    // A message that never left Plivo costs nothing; carriers bill undelivered ones.
    charge: finalStatus === 'failed' ? '0.00000' : country.smsCharge,
    dtmf: null,
  };
}

function voiceAttempt(
  rng: Rng,
  full: boolean,
  timeUs: number,
  country: Country,
  dtmf: boolean,
): PlannedAttempt {
  const outcome = rng.weighted([80, 4, 4, 4, 8]);
  const finalStatus = ['completed', 'answer', 'ANSWER', 'early media', 'ringing'][outcome] ?? '';
  return {
    uuid: attemptUuid(rng, full),
    channel: 'voice',
    timeUs,
    readyUs: timeUs + rng.int(8_000_000, 30_000_000),
    finalStatus,
    charge: country.voiceCharge,
    dtmf: dtmf ? rng.int(1, 9) : null,
  };
}

function attemptUuid(rng: Rng, full: boolean): string {
  if (full) return rng.uuid();
  rng.skip(4);
  return '';
}

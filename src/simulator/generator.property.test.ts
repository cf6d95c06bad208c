import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { parseMoney } from '../contract/money.ts';
import { parsePlivoSession } from '../contract/parse-plivo.ts';
import type { PlivoWireSession } from '../contract/plivo-wire.ts';
import { SMS_ATTEMPT_STATUSES, VOICE_ATTEMPT_STATUSES } from '../contract/session.ts';
import { normaliseInstant } from '../contract/time.ts';
import { NO_VALIDATION_CHARGE, VALIDATION_CHARGE } from './catalog.ts';
import { COUNTRIES } from './countries.ts';
import { HOUR_US } from './generator.ts';
import { testSimulator, TEST_NOW_MS } from './test-support.ts';
import { GO_ZERO_TIME, renderSession } from './wire.ts';

/** Invariants over thousands of generated sessions, each seen at a random moment of its life. */
const sim = testSimulator({ sessionsPerDay: 1500 });
const nowHour = Math.floor((TEST_NOW_MS * 1000) / HOUR_US);
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{0,5}[1-9])?(Z|\+05:30)$/;
const instant = (s: string) => normaliseInstant(s) ?? `unreadable ${s}`;
const usOf = (s: string) => {
  const iso = instant(s);
  return Date.parse(`${iso.slice(0, 19)}Z`) * 1000 + Number(iso.slice(20, 26));
};

function checkSession(wire: PlivoWireSession, nowUs: number): void {
  const attempts = wire.attempt_details ?? [];
  const charges = wire.charges.attempt_charges ?? [];
  expect(wire.count).toBe(attempts.length);
  expect(wire.attempt_details === null).toBe(attempts.length === 0);
  expect(charges.map((c) => c.attempt_uuid)).toEqual(attempts.map((a) => a.attempt_uuid));
  let sum = parseMoney(wire.charges.validation_charge) ?? -1n;
  for (const c of charges) sum += parseMoney(c.charge) ?? -1n;
  expect(parseMoney(wire.charges.total_charge)).toBe(sum);
  const normalised = parsePlivoSession(wire);
  expect(normalised.ok && normalised.value.warnings).toEqual([]);

  const times = [wire.created_at, wire.updated_at, ...attempts.map((a) => a.time)];
  for (const time of times.filter((t) => t !== GO_ZERO_TIME)) expect(time).toMatch(RFC3339);
  const attemptUs = attempts.map((a) => usOf(a.time));
  expect(attemptUs).toEqual([...attemptUs].sort((a, b) => a - b));
  expect(usOf(wire.created_at)).toBeLessThanOrEqual(attemptUs[0] ?? nowUs);
  expect(Math.max(usOf(wire.created_at), ...attemptUs)).toBeLessThanOrEqual(nowUs);
  const last = attempts.at(-1);
  expect(wire.updated_at).toBe(last ? last.time : GO_ZERO_TIME);
  expect(wire.channel).toBe(last?.channel ?? 'sms');

  for (const a of attempts) {
    const allowed: readonly string[] =
      a.channel === 'sms' ? SMS_ATTEMPT_STATUSES : VOICE_ATTEMPT_STATUSES;
    expect(allowed).toContain(a.status.toLowerCase());
    expect(Object.values(a)).not.toContain(null);
    // dtmf belongs to voice attempts, the SMS Retriever hash to SMS ones.
    expect(a.channel === 'sms' ? a.dtmf : a.app_hash).toBeUndefined();
  }
  const app = sim.world.apps.find((x) => x.uuid === wire.app_uuid);
  if (!app) throw new Error(`unknown app ${wire.app_uuid}`);
  const validUntil = usOf(wire.created_at) + app.validity * 1_000_000;
  expect(wire.status !== 'in-progress' || nowUs < validUntil).toBe(true);
  expect(wire.charges.validation_charge).toBe(
    wire.status === 'verified' ? VALIDATION_CHARGE : NO_VALIDATION_CHARGE,
  );

  const country = COUNTRIES.find((c) => c.iso2 === wire.destination_country_iso2);
  expect(country?.carriers).toContain(wire.destination_network);
  const phone = parsePhoneNumberFromString(`+${wire.recipient}`);
  expect(phone?.isValid() ? 'valid' : `invalid ${wire.recipient}`).toBe('valid');
  expect(phone?.country).toBe(wire.destination_country_iso2);
}

describe('generated sessions', () => {
  it('keep every invariant, at any moment of their life, in both time zones', () => {
    const arbitrary = fc.record({
      hour: fc.integer({ min: nowHour - 90 * 24, max: nowHour - 1 }),
      pick: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      lateSeconds: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 3600 })),
    });
    let checked = 0;
    fc.assert(
      fc.property(arbitrary, ({ hour, pick, lateSeconds }) => {
        const bucket = sim.store.bucket(hour);
        if (bucket.count === 0) return;
        const index = Math.floor(pick * bucket.count);
        const planned = sim.store.session({ hour, index });
        const nowUs = planned.createdUs + lateSeconds * 1_000_000;
        const ist = renderSession(sim.world, planned, nowUs, 'ist');
        const utc = renderSession(sim.world, planned, nowUs, 'utc');
        checkSession(ist, nowUs);
        checkSession(utc, nowUs);
        expect(ist.created_at).toMatch(/\+05:30$/);
        expect(utc.created_at).toMatch(/Z$/);
        expect(instant(ist.created_at)).toBe(instant(utc.created_at));
        expect(instant(ist.updated_at)).toBe(instant(utc.updated_at));
        checked++;
      }),
      { numRuns: 3000, seed: 20261127 },
    );
    expect(checked).toBeGreaterThan(2600);
    // Thousands of sessions through zod and libphonenumber take seconds on a busy machine.
  }, 60_000);

  it('show a realistic outcome mix over a day', () => {
    const counts = { verified: 0, expired: 0, 'in-progress': 0, voice: 0, sentOnly: 0, total: 0 };
    const nowUs = TEST_NOW_MS * 1000;
    for (let hour = nowHour - 24; hour < nowHour; hour++) {
      const bucket = sim.store.bucket(hour);
      for (let index = 0; index < bucket.count; index++) {
        const wire = renderSession(sim.world, sim.store.session({ hour, index }), nowUs, 'utc');
        counts[wire.status] += 1;
        counts.total += 1;
        const attempts = wire.attempt_details ?? [];
        if (attempts.some((a) => a.channel === 'voice')) counts.voice += 1;
        if (attempts.some((a) => a.status === 'sent')) counts.sentOnly += 1;
      }
    }
    expect(counts.verified / counts.total).toBeGreaterThan(0.7);
    expect(counts.expired / counts.total).toBeGreaterThan(0.05);
    expect(counts.expired / counts.total).toBeLessThan(0.25);
    expect(counts.voice).toBeGreaterThan(0);
    expect(counts.sentOnly).toBeGreaterThan(0);
  });
});

import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Session } from '../../contract/session.ts';
import { MASK_DOTS } from './mask-dots.ts';

/**
 * PII masking for `mask=1`. A masked phone number keeps what support needs to tell numbers
 * apart in an incident (the country calling code and the last four digits) and nothing that
 * identifies the customer: "+91 ••••1370". Requestor IPs are replaced by a visible
 * placeholder rather than null, so a masked view never looks like "no IP was recorded".
 */
export { MASK_DOTS };
export const HIDDEN_IP = 'hidden (masked)';

/** The exact shape `maskPhone` produces; CSV export relies on it being inert in spreadsheets. */
export const MASKED_PHONE = /^(?:\+\d{1,3} )?•{4}\d{0,4}$/;

/** Fewer digits than this and even the last four would give away most of the number. */
const MIN_DIGITS_TO_SHOW_TAIL = 7;

export type MaskedPhoneParts = {
  /** ISO region (e.g. "IN") when the number is valid enough to know it. */
  region: string | null;
  /** Country calling code without "+", e.g. "91". */
  callingCode: string | null;
  last4: string;
};

export function maskPhoneParts(phone: string): MaskedPhoneParts {
  const digits = phone.replace(/\D/g, '');
  const last4 = digits.length >= MIN_DIGITS_TO_SHOW_TAIL ? digits.slice(-4) : '';
  const parsed = parsePhoneNumberFromString(digits ? `+${digits}` : '');
  if (!parsed?.countryCallingCode) return { region: null, callingCode: null, last4 };
  return { region: parsed.country ?? null, callingCode: parsed.countryCallingCode, last4 };
}

/** "+918681951370" → "+91 ••••1370"; unknown country → "••••1370"; null stays null. */
export function maskPhone(phone: string): string;
export function maskPhone(phone: string | null): string | null;
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null;
  const { callingCode, last4 } = maskPhoneParts(phone);
  return `${callingCode ? `+${callingCode} ` : ''}${MASK_DOTS}${last4}`;
}

// Order matters: ISO dates/times come first so they are matched (and kept) before their
// digits can be taken for a phone number; then IP addresses; then numbers.
const ISO_TIME = String.raw`\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const IPV4 = String.raw`(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])`;
const IPV6 = String.raw`(?<![\w:])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:)+:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?)(?![\w:])`;
// "+" then 7–15 digits, allowing the separators people type: "+1 (415) 555-0100".
const PLUS_NUMBER = String.raw`\+\d(?:[\s().-]{0,2}\d){6,14}`;
// A bare run of 7+ digits (Plivo's own "918681951370"), unless it is part of a hex id such
// as a UUID segment, which must stay readable because it is the session's link.
const BARE_RUN = String.raw`(?<![0-9a-f-])\d{7,}(?![0-9a-f-])`;
// Digit groups split by single spaces/dashes/dots/parens adding up to 9+ digits:
// "91 86819 51370", "(415) 555-0100". Dates are taken by ISO_TIME first.
const GROUPED = String.raw`(?<![\w.-])\(?\d{1,5}(?:\)?[ .-]?\(?\d{1,5}){1,5}\)?(?!\w)`;

const SCRUB = new RegExp(
  `(${ISO_TIME})|(${IPV4}|${IPV6})|(${PLUS_NUMBER}|${BARE_RUN}|${GROUPED})`,
  'gi',
);
const MIN_GROUPED_DIGITS = 9;
const MIN_PHONE_DIGITS = 7;

/** Scrubs phone numbers and IP addresses out of free text (titles, tooltips, raw JSON). */
export function maskText(text: string): string {
  return text.replace(SCRUB, (match, time?: string, ip?: string, number?: string) => {
    if (time) return time;
    if (ip) return HIDDEN_IP;
    if (!number) return match;
    const digits = number.replace(/\D/g, '');
    const grouped = !number.startsWith('+') && /\D/.test(number);
    if (digits.length < (grouped ? MIN_GROUPED_DIGITS : MIN_PHONE_DIGITS)) return match;
    // Without "+" a grouped number's country is a guess ("(415) 555-0100" is not +41), so
    // only the tail is kept; a bare run is Plivo's own international form without "+".
    return grouped ? `${MASK_DOTS}${digits.slice(-4)}` : maskPhone(digits);
  });
}

/** A session safe to render with `mask=1`: every field a person could read is masked. */
export function maskSession(session: Session): Session {
  return {
    ...session,
    recipient: maskPhone(session.recipient),
    requestorIp: session.requestorIp === null ? null : HIDDEN_IP,
    alias: maskNullable(session.alias),
    network: maskNullable(session.network),
    attempts: session.attempts.map((a) => ({
      ...a,
      brandName: maskNullable(a.brandName),
      appHash: maskNullable(a.appHash),
      fraudCheck: maskNullable(a.fraudCheck),
    })),
    warnings: session.warnings.map(maskText),
  };
}

function maskNullable(value: string | null): string | null {
  return value === null ? null : maskText(value);
}

const IP_KEY = /(^|_)ip($|_)|ip_?address|requestor_?ip/i;
const PHONE_KEY = /recipient|phone|number|^to$|^from$/i;

/**
 * Plivo's raw JSON for the session page's "raw" view with `mask=1`: IP fields hidden,
 * recipient-like fields masked even when sent as JSON numbers, every string scrubbed.
 */
export function maskRawJson(value: unknown, key = ''): unknown {
  if (value === null || typeof value === 'boolean') return value;
  if (IP_KEY.test(key)) return HIDDEN_IP;
  if (typeof value === 'number') {
    if (PHONE_KEY.test(key) || /^\d{7,}$/.test(String(value))) return maskPhone(String(value));
    return value;
  }
  if (typeof value === 'string') return PHONE_KEY.test(key) ? maskPhone(value) : maskText(value);
  if (Array.isArray(value)) return value.map((item) => maskRawJson(item));
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskRawJson(v, k)]),
    );
  }
  return value;
}

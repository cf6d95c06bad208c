import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Session } from './session.ts';
import { MASK_DOTS } from './mask-dots.ts';
import { maskCount, recipientMask, type TextMask } from './mask-by-value.ts';

/**
 * PII masking for `mask=1`. A masked phone number keeps what support needs to tell numbers
 * apart in an incident (the country calling code and the last four digits) and nothing that
 * identifies the customer: "+91 ••••1370". Requestor IPs are replaced by a visible
 * placeholder rather than null, so a masked view never looks like "no IP was recorded".
 */
export const HIDDEN_IP = 'hidden (masked)';

/** The exact shape `maskPhone` produces; CSV export relies on it being inert in spreadsheets. */
export const MASKED_PHONE = /^(?:\+\d{1,3} )?•{4}\d{0,4}$/;

/** Fewer digits than this and even the last four would give away most of the number. */
const MIN_DIGITS_TO_SHOW_TAIL = 7;

type MaskedPhoneParts = {
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
  // Already masked (a reply the server masked, masked again in the browser): kept as it is.
  if (MASKED_PHONE.test(phone)) return phone;
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

/**
 * A session safe to render with `mask=1`: the recipient and IP by field, every other string
 * scrubbed of numbers and IPs and of the recipient's digits (mask-by-value.ts). The fields are
 * listed one by one, not spread: a field added to the schema later is a type error here until
 * someone decides how to mask it. Idempotent: a masked session masks to itself, so the browser
 * may mask again what the server sent masked.
 */
export function maskSession(session: Session): Session {
  const byValue = recipientMask(session.recipient);
  const text = (value: string | null) => (value === null ? null : byValue(maskText(value)));
  // Money and the session's own id: only the recipient's digits are taken out, nothing else is
  // rewritten (a decimal must stay exact; the uuid is the session page's address).
  const exact = (value: string | null) => (value === null ? null : byValue(value));
  const { charges } = session;
  return {
    sessionUuid: session.sessionUuid,
    appUuid: text(session.appUuid),
    alias: text(session.alias),
    recipient: maskPhone(session.recipient),
    channel: text(session.channel),
    locale: text(session.locale),
    status: text(session.status),
    attemptCount: maskCount(session.attemptCount, byValue),
    requestorIp: session.requestorIp === null ? null : HIDDEN_IP,
    country: text(session.country),
    network: text(session.network),
    createdAt: text(session.createdAt),
    updatedAt: text(session.updatedAt),
    attempts: session.attempts.map((a) => ({
      attemptUuid: text(a.attemptUuid),
      channel: text(a.channel),
      status: text(a.status),
      time: text(a.time),
      charge: exact(a.charge),
      brandName: text(a.brandName),
      appHash: text(a.appHash),
      codeLength: maskCount(a.codeLength, byValue),
      dtmf: maskCount(a.dtmf, byValue),
      fraudCheck: text(a.fraudCheck),
    })),
    charges: {
      total: exact(charges.total),
      validation: exact(charges.validation),
      computedTotal: byValue(charges.computedTotal),
      attempts: charges.attempts.map((c) => ({
        attemptUuid: text(c.attemptUuid),
        channel: text(c.channel),
        charge: exact(c.charge),
      })),
    },
    warnings: session.warnings.map((w) => byValue(maskText(w))),
  };
}

// IP-named keys in snake, kebab or camel case: ip, ips, client_ip, ip_address, requestorIp.
const IP_KEY = /(^|[_-])ips?($|[_-])|ip_?address|requestor_?ip/i;
// Case matters here: "clientIp" is an IP, "relationship" is not.
const CAMEL_IP_KEY = /[a-z](?:IP|Ip)s?$/;
const isIpKey = (key: string) => IP_KEY.test(key) || CAMEL_IP_KEY.test(key);
const PHONE_KEY = /recipient|phone|number|^to$|^from$/i;

/**
 * Plivo's raw JSON for the session page's "raw" view with `mask=1`: IP fields hidden,
 * recipient-like fields masked even when sent as JSON numbers, every string and key scrubbed,
 * and, given the session's recipient, its digits taken out wherever they are. Array items
 * are read under their array's key (`"requestor_ips": [...]`).
 */
export function maskRawJson(value: unknown, recipient: string | null = null): unknown {
  return maskJsonValue(value, '', recipientMask(recipient));
}

function maskJsonValue(value: unknown, key: string, byValue: TextMask): unknown {
  if (value === null || typeof value === 'boolean') return value;
  if (isIpKey(key)) return HIDDEN_IP;
  if (typeof value === 'number') {
    if (PHONE_KEY.test(key) || /^\d{7,}$/.test(String(value))) return maskPhone(String(value));
    return maskCount(value, byValue);
  }
  if (typeof value === 'string') {
    return byValue(PHONE_KEY.test(key) ? maskPhone(value) : maskText(value));
  }
  if (Array.isArray(value)) return value.map((item) => maskJsonValue(item, key, byValue));
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        byValue(maskText(k)),
        maskJsonValue(v, k, byValue),
      ]),
    );
  }
  return value;
}

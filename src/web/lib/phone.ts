import {
  getCountries,
  isSupportedCountry,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/min';

/** Every country code libphonenumber knows, for the recipient box's country picker. */
export const PHONE_COUNTRIES: readonly string[] = getCountries();

type RecipientCheck =
  | { ok: true; e164: string; country: string | null; formatted: string }
  | { ok: false; message: string };

const LENGTH_PROBLEMS: Record<string, string> = {
  TOO_SHORT: 'is too short to be a phone number there',
  TOO_LONG: 'is too long to be a phone number there',
  INVALID_LENGTH: 'has a length no number there has',
  INVALID_COUNTRY: 'does not start with a known country code',
  NOT_A_NUMBER: 'is not a phone number',
};

/**
 * Reads what people type — `+1 (415) 555-0100`, `0044 20 7946 0018`, `91 86819 51370` — as an
 * international number. Without `+`, a leading `00` is the international prefix; with a
 * default country (DEFAULT_COUNTRY, or the one picked) a valid national number there —
 * `(404) 548-4770` in US — is read as such; otherwise the digits are taken to start with the
 * country code, as Plivo stores them.
 */
export function checkRecipient(
  input: string,
  defaultCountry: string | null = null,
): RecipientCheck {
  const trimmed = input.trim();
  if (!/^[+\d\s().-]+$/.test(trimmed)) {
    return { ok: false, message: 'Use only digits, spaces, +, ( ) and -.' };
  }
  const digits = trimmed.replace(/[^\d]/g, '');
  const national = nationalNumber(trimmed, digits, defaultCountry);
  if (national) return national;
  const international = trimmed.startsWith('+')
    ? `+${digits}`
    : digits.startsWith('00')
      ? `+${digits.slice(2)}`
      : `+${digits}`;
  const lengthProblem = validatePhoneNumberLength(international);
  if (lengthProblem) {
    return {
      ok: false,
      message: `${international} ${LENGTH_PROBLEMS[lengthProblem] ?? 'cannot be a phone number'}.`,
    };
  }
  const phone = parsePhoneNumberFromString(international);
  if (!phone) return { ok: false, message: `${international} is not a phone number.` };
  if (!phone.isValid()) {
    const where = phone.country
      ? ` in ${phone.country}`
      : ` with country code +${phone.countryCallingCode}`;
    return { ok: false, message: `${phone.number} cannot be a valid number${where}.` };
  }
  return {
    ok: true,
    e164: phone.number,
    country: phone.country ?? null,
    formatted: phone.formatInternational(),
  };
}

function nationalNumber(
  trimmed: string,
  digits: string,
  country: string | null,
): RecipientCheck | null {
  if (!country || !isSupportedCountry(country) || trimmed.startsWith('+')) return null;
  if (digits.startsWith('00')) return null;
  const phone = parsePhoneNumberFromString(trimmed, country);
  if (!phone?.isValid()) return null;
  return {
    ok: true,
    e164: phone.number,
    country: phone.country ?? null,
    formatted: phone.formatInternational(),
  };
}

type Described = { text: string; country: string | null };

// Parsing a number costs ~20 µs, and a fast scroll shows ~25 new rows a frame: each number is
// parsed once. Bounded (cleared when full) so a long session's memory stays flat.
const described = new Map<string, Described>();
const DESCRIBED_KEPT = 20_000;

/** Formats a stored E.164 number for display, with its country when known. */
export function describeRecipient(e164: string | null): Described {
  if (!e164) return { text: '—', country: null };
  let result = described.get(e164);
  if (!result) {
    const phone = parsePhoneNumberFromString(e164);
    result = phone
      ? { text: phone.formatInternational(), country: phone.country ?? null }
      : { text: e164, country: null };
    if (described.size >= DESCRIBED_KEPT) described.clear();
    described.set(e164, result);
  }
  return result;
}

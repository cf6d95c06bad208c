import { MASK_DOTS } from './mask-dots.ts';

/**
 * Masking by value (issue #15, finding 8). Masking by field misses a number wherever nobody
 * expected one — a status, a locale, an app UUID, an attempt's channel — and the generic
 * number scrub (`maskText`) leaves digit runs glued to letters or dashes alone, because a UUID
 * segment must stay readable. So every string of a masked session is also searched for the
 * session's own recipient: any run of 7+ digits that contains 7 consecutive digits of it (the
 * full number with or without its country code, its national part, a trunk-prefixed form) is
 * hidden. The tail is kept only when it is the recipient's own last four, which the masked
 * recipient shows anyway; any other four would add digits.
 */
const MIN_MATCH = 7;
const DIGIT_RUN = /\d{7,}/g;

export type TextMask = (text: string) => string;

const unchanged: TextMask = (text) => text;

export function recipientMask(recipient: string | null): TextMask {
  const digits = recipient?.replace(/\D/g, '') ?? '';
  if (digits.length < MIN_MATCH) return unchanged;
  const last4 = digits.slice(-4);
  const windows = Array.from({ length: digits.length - MIN_MATCH + 1 }, (_, i) =>
    digits.slice(i, i + MIN_MATCH),
  );
  return (text) =>
    text.replace(DIGIT_RUN, (run) => {
      if (!windows.some((w) => run.includes(w))) return run;
      return `${MASK_DOTS}${run.endsWith(last4) ? last4 : ''}`;
    });
}

/** A count or code that is really the recipient's number is not shown at all. */
export function maskCount(value: number | null, mask: TextMask): number | null {
  if (value === null) return null;
  return mask(String(value)) === String(value) ? value : null;
}

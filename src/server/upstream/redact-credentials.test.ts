import { describe, expect, it } from 'vitest';
import { credentialRedactor, MIN_FRAGMENT, REDACTED } from './redact-credentials.ts';

const authId = 'MAODZKMDFJMJU3MTEYNG';
// Characters that URL-encoding, JSON escaping and base64's +/ all change.
const authToken = 'Zx9/te+st"tok&en-NEVER-ECHO-7f3a91c2';
const basic = Buffer.from(`${authId}:${authToken}`).toString('base64');
const redact = credentialRedactor({ authId, authToken });

/** Every run of MIN_FRAGMENT characters of a secret form, to search the output for. */
const fragments = (form: string) =>
  Array.from({ length: form.length - MIN_FRAGMENT + 1 }, (_, i) => form.slice(i, i + MIN_FRAGMENT));
const secrets = [authToken, basic, encodeURIComponent(authToken)].flatMap(fragments);

describe('credentialRedactor', () => {
  const cases: [string, string, string][] = [
    ['removes the raw token', `bad token ${authToken}!`, `bad token ${REDACTED}!`],
    [
      'removes the Basic header value',
      `got Authorization: Basic ${basic}`,
      `got Authorization: Basic ${REDACTED}`,
    ],
    ['removes base64 without padding', `x ${basic.replace(/=+$/, '')} y`, `x ${REDACTED} y`],
    [
      'removes URL-safe base64',
      `x ${basic.replace(/\+/g, '-').replace(/\//g, '_')} y`,
      `x ${REDACTED} y`,
    ],
    [
      'removes the URL-encoded token',
      `?t=${encodeURIComponent(authToken)}&a=1`,
      `?t=${REDACTED}&a=1`,
    ],
    ['removes the JSON-escaped token', `{"t":${JSON.stringify(authToken)}}`, `{"t":"${REDACTED}"}`],
    [
      'removes a fragment the upstream cut',
      `…${authToken.slice(5, 5 + MIN_FRAGMENT)}`,
      `…${REDACTED}`,
    ],
    ['removes the token twice in a row, as one', `${authToken}${authToken}.`, `${REDACTED}.`],
    ['leaves text without credentials untouched', 'too many requests', 'too many requests'],
    [
      'keeps a piece shorter than a fragment',
      `a ${authToken.slice(0, MIN_FRAGMENT - 1)} b`,
      `a ${authToken.slice(0, MIN_FRAGMENT - 1)} b`,
    ],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(redact(text, 1_000)).toBe(expected);
  });

  it('keeps only the first characters', () => {
    expect(redact('abcdef', 3)).toBe('abc');
  });

  it.each([1, 7, 8, 19, 35])('recognises a form that the cut splits %i characters in', (inside) => {
    for (const form of [authToken, basic]) {
      const text = `${'e'.repeat(200 - inside)}${form} tail`;
      const kept = redact(text, 200);
      expect(kept).toBe(`${'e'.repeat(200 - inside)}${REDACTED}`);
      for (const secret of secrets) expect(kept).not.toContain(secret);
    }
  });

  it('drops a form that starts after the cut with the rest', () => {
    const far = `${'e'.repeat(300)}${authToken}`;
    expect(redact(far, 200)).toBe('e'.repeat(200));
  });
});

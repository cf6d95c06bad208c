import { describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '../../contract/api.ts';
import type { FakeReply } from '../testing/fake-upstream.ts';
import { TEST_AUTH_TOKEN, TEST_TOKEN_BASE64 } from '../testing/harness.ts';
import { proxySuite } from '../testing/proxy-suite.ts';

const { upstream, dash, getJson } = proxySuite();

/** The text of Plivo's error as the /api message quotes it. */
async function quotedError(reply: FakeReply): Promise<{ quoted: string; text: string }> {
  upstream().handle(() => reply);
  const { response, text, json } = await getJson('/api/sessions?alias=e');
  expect(response.status).toBe(502);
  const { message } = apiErrorBodySchema.parse(json).error;
  return { quoted: /HTTP 503: "(.*)"\. Try again/s.exec(message)?.[1] ?? '', text };
}

/** Every run of 8 characters of the token and of the Basic header value. */
const secretPieces = [TEST_AUTH_TOKEN, TEST_TOKEN_BASE64].flatMap((form) =>
  Array.from({ length: form.length - 7 }, (_, i) => form.slice(i, i + 8)),
);

describe("Plivo's error text in a message", () => {
  it('is one printable line of at most 200 characters', async () => {
    const { quoted } = await quotedError({
      status: 503,
      json: { error: `line one\nline\u0000two\u202e ${'z'.repeat(500)}` },
    });
    expect(quoted).toBe(`line one line two  ${'z'.repeat(181)}`);
  });

  it('quotes a structured error as JSON, cut the same way', async () => {
    const { quoted } = await quotedError({
      status: 503,
      json: { error: { reason: 'y'.repeat(300) } },
    });
    expect(quoted).toBe(`{"reason":"${'y'.repeat(189)}`);
  });
});

describe('credentials quoted back by the upstream', () => {
  const echoes: [string, (authorization: string) => string][] = [
    [
      'the Authorization header it received',
      (auth) => `bad request; headers: authorization=${auth}`,
    ],
    ...[1, 8, 19, 33].map((inside): [string, () => string] => [
      `the token cut ${inside} characters into it at character 200`,
      () => `${'e'.repeat(200 - inside)}${TEST_AUTH_TOKEN} and more`,
    ]),
    ...[1, 12, 40].map((inside): [string, () => string] => [
      `the Basic header value cut ${inside} characters into it at character 200`,
      () => `${'e'.repeat(200 - inside)}${TEST_TOKEN_BASE64} and more`,
    ]),
  ];
  it.each(echoes)('never reach the reply or the log: %s', async (_name, echo) => {
    const logsBefore = dash().logs.length;
    upstream().handle((req) => ({
      status: 503,
      json: { error: echo(String(req.headers.authorization)) },
    }));
    const { text } = await getJson('/api/sessions?alias=e');
    expect(text).toContain('[redacted]');
    const everything = [text, ...dash().logs.slice(logsBefore)].join('\n');
    for (const piece of secretPieces) expect(everything).not.toContain(piece);
  });
});

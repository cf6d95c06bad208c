import { describe, expect, it } from 'vitest';
import { maskText } from '../../../../contract/mask.ts';
import { maskLinkText, runCopyFlow, type CopyFlow } from './copy-link-flow.ts';

const FULL = 'https://dash.example/?recipient=%2B918681951370&mask=1&from=a&to=b';
const PLAIN = 'https://dash.example/?status=expired&mask=1';
const SHORT = 'https://dash.example/l/AAAAAAAAAAAAAAAAAAAAAA';

function flow(overrides: Partial<CopyFlow>): CopyFlow {
  return {
    link: FULL,
    relative: false,
    wantShort: false,
    masked: false,
    shorten: async () => SHORT,
    copy: async () => true,
    maskLink: async (link) => maskLinkText(link, maskText),
    ...overrides,
  };
}
const blocked = async (): Promise<boolean> => false;
const refused = async () => {
  throw new Error('Short links are off on this server: SHORT_LINKS=off');
};

describe('runCopyFlow', () => {
  it.each([
    ['the full link', {}, { kind: 'copied', short: false, relative: false, note: null }],
    [
      'the short link',
      { wantShort: true },
      { kind: 'copied', short: true, relative: false, note: null },
    ],
    [
      'the full link, saying why, when the server makes no short link',
      { wantShort: true, shorten: refused },
      {
        kind: 'copied',
        short: false,
        relative: false,
        note: 'No short link: Short links are off on this server: SHORT_LINKS=off. The full link is given instead.',
      },
    ],
    [
      'the full link to copy by hand when the clipboard is blocked, unmasked',
      { copy: blocked },
      { kind: 'blocked', link: FULL, short: false, note: null },
    ],
    [
      'a short link to copy by hand when masked: it holds no number',
      { copy: blocked, masked: true },
      { kind: 'blocked', link: SHORT, short: true, note: null },
    ],
    [
      'the full link by hand when masked but it holds no number',
      { copy: blocked, masked: true, link: PLAIN },
      { kind: 'blocked', link: PLAIN, short: false, note: null },
    ],
    [
      'only masked text when masked, blocked and no short link can be made',
      { copy: blocked, masked: true, shorten: refused },
      {
        kind: 'blocked-masked',
        text: 'https://dash.example/?recipient=+91 ••••1370&mask=1&from=a&to=b',
      },
    ],
  ] as const)('gives %s', async (_, overrides, expected) => {
    expect(await runCopyFlow(flow(overrides))).toEqual(expected);
  });

  it('copies what it says it copied', async () => {
    const copied: string[] = [];
    const copy = async (text: string) => (copied.push(text), true);
    await runCopyFlow(flow({ copy, wantShort: true }));
    await runCopyFlow(flow({ copy }));
    expect(copied).toEqual([SHORT, FULL]);
  });
});

/**
 * What "Copy link" / "Copy short link" did, decided apart from the markup so every branch is
 * tested: the short link when asked and the server makes one (else the full link, saying
 * why), and, when the clipboard is blocked, what the box to copy by hand may show. With
 * masking on, that box must not show the recipient's number: it offers a short link (which
 * holds none) or, failing that, the link with the number masked and no way to copy it.
 */
export type CopyOutcome =
  | { kind: 'copied'; short: boolean; relative: boolean; note: string | null }
  | { kind: 'blocked'; link: string; short: boolean; note: string | null }
  | { kind: 'blocked-masked'; text: string };

export type CopyFlow = {
  link: string;
  relative: boolean;
  wantShort: boolean;
  masked: boolean;
  shorten: (link: string) => Promise<string>;
  copy: (text: string) => Promise<boolean>;
  /** The link as masked text (numbers hidden); loaded lazily, it needs libphonenumber. */
  maskLink: (link: string) => Promise<string>;
};

export async function runCopyFlow(flow: CopyFlow): Promise<CopyOutcome> {
  let text = flow.link;
  let short = false;
  let note: string | null = null;
  let shortRefused = false;
  if (flow.wantShort) {
    try {
      text = await flow.shorten(flow.link);
      short = true;
    } catch (error) {
      shortRefused = true;
      note = `No short link: ${reason(error)} The full link is given instead.`;
    }
  }
  if (await flow.copy(text)) return { kind: 'copied', short, relative: flow.relative, note };
  if (!flow.masked || short) return { kind: 'blocked', link: text, short, note };
  const masked = await flow.maskLink(flow.link);
  if (masked === decoded(flow.link)) return { kind: 'blocked', link: text, short, note };
  if (!shortRefused) {
    try {
      return { kind: 'blocked', link: await flow.shorten(flow.link), short: true, note };
    } catch {
      // No short link either: only the masked text is left to show.
    }
  }
  return { kind: 'blocked-masked', text: masked };
}

function reason(error: unknown): string {
  const message = error instanceof Error ? error.message.trim() : '';
  if (!message) return 'the server could not make one.';
  return /[.!?]$/.test(message) ? message : `${message}.`;
}

/** The link as people read it (`%2B91…` as `+91…`), which is what masking compares. */
export function decoded(link: string): string {
  try {
    return decodeURIComponent(link);
  } catch {
    return link;
  }
}

/** Masks the query only: the host may be an IP address, and it is not personal data. */
export function maskLinkText(link: string, maskText: (text: string) => string): string {
  const at = link.indexOf('?');
  return at < 0 ? link : link.slice(0, at + 1) + maskText(decoded(link.slice(at + 1)));
}

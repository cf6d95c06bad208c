import { useState } from 'react';
import { loadMask } from '../../../lib/mask-lazy.ts';
import { createShortLink } from '../api/short-link.ts';
import { copyText } from '../lib/copy-text.ts';
import { maskLinkText, runCopyFlow, type CopyOutcome } from '../lib/copy-link-flow.ts';

type CopyLinkButtonProps = {
  /** Builds the link at click time (see `buildShareLink`); `relative` keeps `range=…`. */
  getLink: (relative: boolean) => string;
  /** With masking on, the box for copying by hand must not show the recipient's number. */
  masked?: boolean;
  /** Injected in tests; default: the clipboard with a fallback. */
  copy?: (text: string) => Promise<boolean>;
  /** Injected in tests; default: `POST /api/links`. */
  shorten?: (link: string) => Promise<string>;
};

const maskLink = async (link: string) => maskLinkText(link, (await loadMask()).maskText);

/**
 * "Copy link" (the full view in the URL) and "Copy short link" (`/l/<id>`, kept by the
 * server: long links break in chat tools and ticket fields). Both pin the time window by
 * default; relative on request (the checkbox).
 */
export function CopyLinkButton({
  getLink,
  masked = false,
  copy = copyText,
  shorten = createShortLink,
}: CopyLinkButtonProps) {
  const [relative, setRelative] = useState(false);
  const [outcome, setOutcome] = useState<CopyOutcome | null>(null);
  const [busy, setBusy] = useState(false);

  async function onCopy(wantShort: boolean) {
    setBusy(true);
    try {
      const link = getLink(relative);
      setOutcome(await runCopyFlow({ link, relative, wantShort, masked, shorten, copy, maskLink }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="copy-link" data-report-hidden="">
      <button type="button" onClick={() => void onCopy(false)} disabled={busy}>
        Copy link
      </button>
      <button type="button" onClick={() => void onCopy(true)} disabled={busy}>
        Copy short link
      </button>
      <label>
        <input
          type="checkbox"
          checked={relative}
          onChange={(event) => setRelative(event.target.checked)}
        />
        Relative time
      </label>
      <span role="status">{outcome ? statusText(outcome) : null}</span>
      {outcome?.kind === 'blocked' ? (
        <label>
          Copying is blocked here; copy this {outcome.short ? 'short link' : 'link'}:{' '}
          <input type="text" readOnly value={outcome.link} onFocus={(e) => e.target.select()} />
        </label>
      ) : null}
      {outcome?.kind === 'blocked-masked' ? (
        <span role="note">
          Copying is blocked here, and this link holds the recipient’s number, which masking hides:{' '}
          <code>{outcome.text}</code>. Copy it from the address bar, or show full numbers first.
        </span>
      ) : null}
    </span>
  );
}

function statusText(outcome: CopyOutcome): string {
  if (outcome.kind === 'blocked-masked') return '';
  const note = outcome.note ? `${outcome.note} ` : '';
  if (outcome.kind === 'blocked') return note.trim();
  const what = outcome.short ? 'Short link copied' : 'Link copied';
  const time = outcome.relative
    ? ' (relative: it will show a later window when opened later)'
    : ' (fixed time window)';
  return `${note}${what}${time}.`;
}

import { useState } from 'react';
import { copyText } from '../lib/copy-text.ts';

export type CopyLinkButtonProps = {
  /** Builds the link at click time (see `buildShareLink`); `relative` keeps `range=…`. */
  getLink: (relative: boolean) => string;
  /** Injected in tests; defaults to the clipboard with a fallback. */
  copy?: (text: string) => Promise<boolean>;
};

type Outcome = { ok: true; relative: boolean } | { ok: false; link: string } | null;

/** "Copy link": absolute time by default, relative on request (the checkbox). */
export function CopyLinkButton({ getLink, copy = copyText }: CopyLinkButtonProps) {
  const [relative, setRelative] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function onCopy() {
    const link = getLink(relative);
    setOutcome((await copy(link)) ? { ok: true, relative } : { ok: false, link });
  }

  return (
    <span className="copy-link" data-report-hidden="">
      <button type="button" onClick={() => void onCopy()}>
        Copy link
      </button>
      <label>
        <input
          type="checkbox"
          checked={relative}
          onChange={(event) => setRelative(event.target.checked)}
        />
        Relative time
      </label>
      <span role="status">
        {outcome?.ok
          ? `Link copied${outcome.relative ? ' (relative: it will show a later window when opened later)' : ' (fixed time window)'}.`
          : null}
      </span>
      {outcome && !outcome.ok ? (
        <label>
          Copying is blocked here; copy this link:{' '}
          <input type="text" readOnly value={outcome.link} onFocus={(e) => e.target.select()} />
        </label>
      ) : null}
    </span>
  );
}

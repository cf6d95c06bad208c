import { createHash } from 'node:crypto';

/**
 * The page a short link that leads nowhere answers with: plain HTML from the server, so it
 * reads the same with JavaScript off, says which of the cases it is, and leads back to the
 * explorer. Its one stylesheet is admitted by hash (the CSP forbids other inline styles).
 */
const CSS = `body{margin:0;font:16px/1.5 system-ui,sans-serif;background:#f6f7f9;color:#1f2328}
main{max-width:36rem;margin:4rem auto;padding:1.5rem 2rem;background:#fff;border:1px solid #d0d7de;border-radius:8px}
h1{font-size:1.4rem;margin:0 0 .5rem}a{color:#0969da}
@media (prefers-color-scheme:dark){body{background:#161b22;color:#e6edf3}main{background:#0d1117;border-color:#30363d}a{color:#58a6ff}}`;

export const LINK_PAGE_STYLE_HASH = createHash('sha256').update(CSS).digest('base64');

export type LinkPageKind = 'unknown' | 'malformed' | 'expired' | 'off';

export function linkPage(kind: LinkPageKind, options: { ttlDays: number | null }): string {
  const { title, text } = wording(kind, options.ttlDays);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>${title} — OTP sessions</title><style>${CSS}</style></head>
<body><main><h1>${title}</h1><p>${text}</p>
<p><a href="/">Go to the sessions explorer</a></p></main></body></html>`;
}

function wording(kind: LinkPageKind, ttlDays: number | null): { title: string; text: string } {
  const expiry =
    ttlDays === null
      ? ''
      : ` Short links on this dashboard are deleted ${ttlDays} ${ttlDays === 1 ? 'day' : 'days'} after they are made.`;
  switch (kind) {
    case 'malformed':
      return {
        title: 'Short link mistyped',
        text: 'This is not a short link this dashboard makes: their ids are 22 letters, digits, <code>-</code> or <code>_</code> after <code>/l/</code>. Check that the whole link was copied.',
      };
    case 'expired':
      return {
        title: 'Short link expired',
        text: `This short link has expired.${expiry} Ask whoever shared it for the view again.`,
      };
    case 'off':
      return {
        title: 'Short links are off',
        text: 'This dashboard cannot look up short links right now (its store is not available; the server’s log says why).',
      };
    default:
      return {
        title: 'Short link unknown',
        text: `This dashboard has no short link with this id: it may be mistyped, or from another dashboard.${expiry}`,
      };
  }
}

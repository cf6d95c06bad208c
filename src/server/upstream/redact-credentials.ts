/**
 * Removes the dashboard's upstream credentials from text the upstream sent back (an error that
 * quotes the request, a proxy that echoes headers), in every form they travel in: the token as
 * is, URL-encoded and JSON-escaped, and the Basic header value base64(authId:token), padded or
 * not, plain or URL-safe. Any run of MIN_FRAGMENT or more characters of one of those forms goes
 * too: an upstream that cut its own text may have cut the token, and eight characters of a
 * random token already narrow it down.
 *
 * It cuts the text itself, after finding what to remove in a little more than it keeps, so a
 * form that straddles the cut is still recognised whole; cutting first (and redacting after)
 * left the piece before the cut readable.
 */
export const REDACTED = '[redacted]';
export const MIN_FRAGMENT = 8;

type Credentials = { authId: string; authToken: string };

/** `redact(text, keep)`: the first `keep` characters of `text`, every credential form removed. */
export type Redactor = (text: string, keep: number) => string;

export function credentialRedactor({ authId, authToken }: Credentials): Redactor {
  const basic = Buffer.from(`${authId}:${authToken}`).toString('base64');
  const forms = [
    authToken,
    encodeURIComponent(authToken),
    JSON.stringify(authToken).slice(1, -1),
    basic,
    basic.replace(/=+$/, ''),
    basic.replace(/\+/g, '-').replace(/\//g, '_'),
  ].filter((form) => form.length > 0);
  const pieces = [...new Set(forms.flatMap(piecesOf))];
  const longest = Math.max(0, ...forms.map((form) => form.length));
  return (text, keep) => {
    // Only forms that start before the cut matter; they end at most `longest` later.
    const scanned = text.slice(0, keep + longest);
    return replaceRanges(scanned, mergedRanges(scanned, pieces), keep);
  };
}

/** Every run of MIN_FRAGMENT characters of a form (the form itself when shorter). */
function piecesOf(form: string): string[] {
  if (form.length <= MIN_FRAGMENT) return [form];
  return Array.from({ length: form.length - MIN_FRAGMENT + 1 }, (_, i) =>
    form.slice(i, i + MIN_FRAGMENT),
  );
}

type Range = [start: number, end: number];

/** Where any piece occurs, overlapping and touching ranges joined: a whole form is one range. */
function mergedRanges(text: string, pieces: string[]): Range[] {
  const ranges: Range[] = [];
  for (const piece of pieces) {
    for (let at = text.indexOf(piece); at !== -1; at = text.indexOf(piece, at + 1)) {
      ranges.push([at, at + piece.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}

/** The text before `keep` with each range (even one running past `keep`) replaced. */
function replaceRanges(text: string, ranges: Range[], keep: number): string {
  let out = '';
  let from = 0;
  for (const [start, end] of ranges) {
    if (start >= keep) break;
    out += text.slice(from, start) + REDACTED;
    from = end;
  }
  return from < keep ? out + text.slice(from, keep) : out;
}

/**
 * Reads an HTTP `Retry-After` header: delay-seconds (`30`) or an HTTP-date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`), as whole seconds from `nowMs`. Null when absent or
 * unreadable, so the caller falls back to its own backoff; a date already past reads as 0.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  const text = value?.trim() ?? '';
  if (/^\d{1,10}$/.test(text)) return Number(text);
  // Only dates with a weekday and a zone, as HTTP sends them: Date.parse alone reads "12" too.
  if (!/^[A-Za-z]{3}, .*(GMT|UTC)$/.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}

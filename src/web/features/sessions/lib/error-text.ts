/** A short title per `/api` error code; the server's own message gives the specifics. */
const TITLES: Record<string, string> = {
  bad_parameter: 'A filter value was not accepted',
  not_found: 'Not found',
  unauthorised: 'Not signed in to the dashboard',
  upstream_auth: 'Plivo rejected the dashboard’s credentials',
  rate_limited: 'Waiting for the Plivo rate limit',
  upstream_timeout: 'Plivo did not answer in time',
  upstream_unreachable: 'Plivo could not be reached',
  upstream_bad_reply: 'Plivo sent a reply the dashboard cannot read',
  upstream_error: 'Plivo reported an error',
  method_not_allowed: 'The request was not allowed',
  not_indexed: 'This needs the session index, which does not cover it yet',
  internal: 'The dashboard server failed',
  database_unavailable: 'The dashboard’s database is unavailable for a moment',
  network: 'The dashboard server could not be reached',
  bad_reply: 'The dashboard server sent an unreadable reply',
  http_error: 'The dashboard server answered with an error',
};

export function errorTitle(code: string): string {
  return TITLES[code] ?? 'The request failed';
}

// Credentials of the e2e servers: not secrets, but tests prove they never reach the browser.
export const FIXTURE_AUTH_ID = 'MAODZKMDFJMJU3MTEYNG';
export const FIXTURE_AUTH_TOKEN = 'fixture-token-not-a-secret';

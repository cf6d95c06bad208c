/** `utc`, `local`, or an IANA zone name this runtime's Intl knows (browser and server alike). */
export function isValidTimeZone(value: string): boolean {
  if (value === 'utc' || value === 'local') return true;
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone !== '';
  } catch {
    return false;
  }
}

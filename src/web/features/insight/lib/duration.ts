/** "0 s", "12 s", "2 min 05 s", "1 h 03 min": short, for progress text. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  if (total < 60) return `${total} s`;
  const minutes = Math.floor(total / 60);
  if (minutes < 60) return `${minutes} min ${String(total % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** "about 7 min", "under a minute": an estimate should not look precise. */
export function formatEstimate(ms: number | null): string {
  if (ms === null) return 'time left unknown';
  if (ms < 60_000) return 'under a minute left';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 90) return `about ${minutes} min left`;
  return `about ${Math.round(minutes / 6) / 10} h left`;
}

/**
 * Counts in words, one way everywhere (status line, report header, export menu): the right
 * noun for one or many, and "loaded" never passed off as every match.
 */
export function sessionsWord(count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'session' : 'sessions'}`;
}

/**
 * How much of the result is on the page: "all 37 sessions" when nothing more matches,
 * "500 of 3,120 sessions loaded" with the index's exact total, else "120 sessions loaded ·
 * more available" (Plivo gives no totals).
 */
export function loadedWords(loaded: number, hasMore: boolean, total: number | null): string {
  if (!hasMore) return `all ${sessionsWord(loaded)}`;
  if (total !== null) return `${loaded.toLocaleString('en-US')} of ${sessionsWord(total)} loaded`;
  return `${sessionsWord(loaded)} loaded · more available`;
}

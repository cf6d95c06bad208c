/**
 * The simulator's clock, in microseconds. Real time by default; a fixed `now` freezes it so
 * tests get byte-identical replies. Either way the test control can move it forward (or set
 * it), which is how tests watch sessions arrive and in-progress ones resolve.
 */
export type Clock = {
  nowUs: () => number;
  advance: (seconds: number) => void;
  set: (ms: number) => void;
  fixed: () => boolean;
};

export function createClock(fixedMs?: number, realNow: () => number = Date.now): Clock {
  let base: number | null = fixedMs ?? null;
  let offsetMs = 0;
  return {
    nowUs: () => Math.floor(((base ?? realNow()) + offsetMs) * 1000),
    advance(seconds) {
      offsetMs += seconds * 1000;
    },
    set(ms) {
      base = ms;
      offsetMs = 0;
    },
    fixed: () => base !== null,
  };
}

/** Accepts an ISO string or epoch milliseconds; null when neither. */
export function parseClockValue(value: string | number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (/^\d+$/.test(value.trim())) return Number(value);
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

import { RANGE_MS } from '../../contract/explorer-vocabulary.ts';
import type { TimeWindow } from '../../contract/explorer-view.ts';

export type AbsoluteWindow = { from: number; to: number };

/**
 * The one reading of the explorer's window as instants: a relative range ends at `endMs`
 * (the end the list was fetched for), an absolute window without `to` runs until `endMs`.
 * The list query, charts, report header, exports and share links all use this.
 */
export function absoluteWindow(time: TimeWindow, endMs: number): AbsoluteWindow {
  if (time.kind === 'range') return { from: endMs - RANGE_MS[time.range], to: endMs };
  return { from: time.from, to: time.to ?? endMs };
}

/** True when the window moves with the clock (a preset, or `from` without `to`). */
export function isOpenWindow(time: TimeWindow): boolean {
  return time.kind === 'range' || time.to === null;
}

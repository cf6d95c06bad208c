import { RANGE_LABELS } from '../../../lib/explorer-labels.ts';
import {
  RANGE_MS,
  RANGE_PRESETS,
  type RangePreset,
} from '../../../../contract/explorer-vocabulary.ts';
import { formatWallTime } from '../../../lib/time-format.ts';
import { useDisplayZone } from '../../../lib/viewer-zone.ts';
import type { TimeWindow } from '../../../../contract/explorer-view.ts';

type Props = {
  time: TimeWindow;
  tz: string;
  hasFilters: boolean;
  onWiden: (time: TimeWindow) => void;
};

/** The next preset wider than the current window, if any. */
function widerPreset(time: TimeWindow): RangePreset | null {
  const span = time.kind === 'range' ? RANGE_MS[time.range] : (time.to ?? Date.now()) - time.from;
  return RANGE_PRESETS.find((p) => RANGE_MS[p] > span) ?? null;
}

/** "No sessions in the last 24 hours — widen to 7 days?" with a one-click widen. */
export function EmptyState({ time, tz, hasFilters, onWiden }: Props) {
  const zone = useDisplayZone(tz);
  const wider = widerPreset(time);
  const where =
    time.kind === 'range'
      ? `in the last ${RANGE_LABELS[time.range]}`
      : `between ${formatWallTime(time.from, zone.zone)} and ${time.to === null ? 'now' : formatWallTime(time.to, zone.zone)} ${zone.label}`;
  const widen = (preset: RangePreset): TimeWindow =>
    time.kind === 'range' || time.to === null
      ? { kind: 'range', range: preset }
      : { kind: 'absolute', from: time.to - RANGE_MS[preset], to: time.to };
  return (
    <div className="panel panel-empty" role="status">
      <p>
        No sessions {where}
        {hasFilters ? ' matching these filters' : ''}
        {wider ? ` — widen to ${RANGE_LABELS[wider]}?` : '.'}
      </p>
      {wider ? (
        <button type="button" onClick={() => onWiden(widen(wider))}>
          Widen to {RANGE_LABELS[wider]}
        </button>
      ) : null}
    </div>
  );
}

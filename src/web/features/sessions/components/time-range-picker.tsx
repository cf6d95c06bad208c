import { useId, useState } from 'react';
import { RANGE_LABELS } from '../../../lib/explorer-labels.ts';
import { RANGE_PRESETS, type RangePreset } from '../../../../contract/explorer-vocabulary.ts';
import { fromLocalInputValue, toLocalInputValue } from '../../../lib/time-format.ts';
import { useDisplayZone } from '../../../lib/viewer-zone.ts';
import type { TimeWindow } from '../../../../contract/explorer-view.ts';

type Props = { time: TimeWindow; tz: string; onChange: (time: TimeWindow) => void };

const SHORT: Record<RangePreset, string> = {
  '15m': '15 min',
  '1h': '1 h',
  '24h': '24 h',
  '7d': '7 d',
  '30d': '30 d',
  '90d': '90 d',
};

/** Presets (relative to now) and an absolute from/to typed in the display zone. */
export function TimeRangePicker({ time, tz, onChange }: Props) {
  const zone = useDisplayZone(tz);
  const id = useId();
  const [from, setFrom] = useState(
    time.kind === 'absolute' ? toLocalInputValue(time.from, zone.zone) : '',
  );
  const [to, setTo] = useState(
    time.kind === 'absolute' && time.to !== null ? toLocalInputValue(time.to, zone.zone) : '',
  );
  const fromMs = fromLocalInputValue(from, zone.zone);
  const toMs = to ? fromLocalInputValue(to, zone.zone) : null;
  const problem =
    fromMs === null
      ? from.trim()
        ? 'Write the start as YYYY-MM-DD HH:MM (24-hour).'
        : 'Enter a start time.'
      : to && toMs === null
        ? 'Write the end as YYYY-MM-DD HH:MM (24-hour).'
        : toMs !== null && toMs <= fromMs
          ? 'The end must be after the start.'
          : null;
  return (
    <fieldset className="time-range">
      <legend>Time range</legend>
      <div className="presets" role="group" aria-label="Relative ranges">
        {RANGE_PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            aria-pressed={time.kind === 'range' && time.range === preset}
            title={`The last ${RANGE_LABELS[preset]}`}
            onClick={() => onChange({ kind: 'range', range: preset })}
          >
            {SHORT[preset]}
          </button>
        ))}
      </div>
      <form
        className="absolute-range"
        onSubmit={(event) => {
          event.preventDefault();
          if (!problem && fromMs !== null) onChange({ kind: 'absolute', from: fromMs, to: toMs });
        }}
      >
        <label htmlFor={`${id}-from`}>From ({zone.label})</label>
        <TimeInput id={`${id}-from`} value={from} onChange={setFrom} />
        <label htmlFor={`${id}-to`}>To</label>
        <TimeInput id={`${id}-to`} value={to} onChange={setTo} />
        <button type="submit" disabled={problem !== null}>
          Apply range
        </button>
        {from && problem ? <span className="hint hint-error">{problem}</span> : null}
      </form>
    </fieldset>
  );
}

/** A 24-hour date-and-time box (the browser's own pickers follow its locale's 12-hour clock). */
function TimeInput(props: { id: string; value: string; onChange: (value: string) => void }) {
  return (
    <input
      id={props.id}
      className="time-input"
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      placeholder="YYYY-MM-DD HH:MM"
      title="24-hour time, e.g. 2026-11-19 22:05"
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}

import { sessionsWord } from '../../../lib/count-words.ts';
import { useId, useState } from 'react';
import type { Session } from '../../../../contract/session.ts';
import { downloadFile } from '../lib/download-file.ts';
import { MIME_TYPES, exportFileName, exportText } from '../lib/export-file.ts';
import { exportTable, type ExportFormat, type Granularity } from '../lib/export-rows.ts';

export type ExportMenuProps = {
  /** The loaded sessions, after client-side filters: exactly what the table shows. */
  sessions: readonly Session[];
  /** The current URL's params (filters name the file and go into the JSON). */
  params: URLSearchParams;
  /** The absolute window the sessions were fetched for, epoch ms. */
  window: { from: number; to: number };
  /** IANA zone for every time in the file (resolve `tz=local` before passing it). */
  timeZone: string;
  masked: boolean;
  /** False when more sessions match than are loaded. */
  complete: boolean;
  verdictOf?: (session: Session) => string;
  /** Told of every file saved, for the audit trail (the rows written, not the sessions). */
  onExported?: (done: { format: ExportFormat; granularity: Granularity; rows: number }) => void;
  /** Injected in tests; defaults to a Blob + object-URL download. */
  download?: (name: string, text: string, type: string) => void;
  now?: () => number;
};

const FORMATS: { value: ExportFormat; label: string }[] = [
  { value: 'csv', label: 'CSV' },
  { value: 'json', label: 'JSON' },
];
const GRANULARITIES: { value: Granularity; label: string }[] = [
  { value: 'session', label: 'One row per session' },
  { value: 'attempt', label: 'One row per attempt' },
];

type RadioGroupProps<T extends string> = {
  legend: string;
  name: string;
  options: { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
};

function RadioGroup<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
}: RadioGroupProps<T>) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value}>
          <input
            type="radio"
            name={name}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

export function ExportMenu(props: ExportMenuProps) {
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [granularity, setGranularity] = useState<Granularity>('session');
  const [saved, setSaved] = useState<string | null>(null);
  const id = useId();
  const count = props.sessions.length;

  function save() {
    const { sessions, params, window, timeZone, masked, complete, verdictOf } = props;
    const table = exportTable(sessions, granularity, {
      timeZone,
      masked,
      ...(verdictOf ? { verdictOf } : {}),
    });
    const context = { params, window, granularity, format, masked };
    const exportedAt = new Date((props.now ?? Date.now)()).toISOString();
    const meta = { exportedAt, timeZone, complete, sessionCount: count };
    const name = exportFileName(context);
    (props.download ?? downloadFile)(name, exportText(table, context, meta), MIME_TYPES[format]);
    props.onExported?.({ format, granularity, rows: table.rows.length });
    setSaved(name);
  }

  return (
    <details className="export-menu" data-report-hidden="">
      <summary>Export</summary>
      <RadioGroup
        legend="Format"
        name={`${id}-format`}
        options={FORMATS}
        value={format}
        onChange={setFormat}
      />
      <RadioGroup
        legend="Rows"
        name={`${id}-rows`}
        options={GRANULARITIES}
        value={granularity}
        onChange={setGranularity}
      />
      <p>
        {props.masked ? 'Phone numbers masked, IPs hidden.' : 'Full phone numbers and IPs.'} Times
        in {props.timeZone}.
        {props.complete ? '' : ` Only the ${sessionsWord(count)} loaded; more match the filters.`}
      </p>
      <button type="button" onClick={save} disabled={count === 0}>
        Download {sessionsWord(count)} as {format.toUpperCase()}
      </button>
      <p role="status">{saved ? `Saved ${saved}` : ''}</p>
    </details>
  );
}

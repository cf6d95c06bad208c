import type { SessionsOverTime } from '../lib/time-series.ts';
import { statusLabel } from '../lib/labels.ts';

export type BucketTableProps = { series: SessionsOverTime; onZoom: (index: number) => void };

/** The histogram as a table (non-empty buckets only): exact numbers and a keyboard zoom. */
export function BucketTable({ series, onZoom }: BucketTableProps) {
  const rows = series.buckets.map((b, index) => ({ ...b, index })).filter((b) => b.total > 0);
  return (
    <details className="insight-buckets">
      <summary>Show the numbers ({rows.length} non-empty buckets)</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">Bucket ({series.zone})</th>
            {series.statuses.map((s) => (
              <th key={s} scope="col">
                {statusLabel(s)}
              </th>
            ))}
            <th scope="col">Total</th>
            <th scope="col">
              <span className="visually-hidden">Zoom</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((b) => (
            <tr key={b.start}>
              <th scope="row">{b.rangeLabel}</th>
              {series.statuses.map((s) => (
                <td key={s}>{b.counts[s] ?? 0}</td>
              ))}
              <td>{b.total}</td>
              <td>
                <button
                  type="button"
                  onClick={() => onZoom(b.index)}
                  aria-label={`Zoom to ${b.rangeLabel}`}
                >
                  Zoom
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

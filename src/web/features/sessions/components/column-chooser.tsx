import { COLUMN_IDS, type ColumnId } from '../../../../contract/explorer-vocabulary.ts';
import { COLUMN_LABELS } from '../../../lib/explorer-labels.ts';

type Props = { cols: ColumnId[]; onChange: (cols: ColumnId[]) => void };

/** Which columns show; kept in the URL as `cols`. At least one column stays visible. */
export function ColumnChooser({ cols, onChange }: Props) {
  const toggle = (id: ColumnId, on: boolean) => {
    const next = COLUMN_IDS.filter((c) => (c === id ? on : cols.includes(c)));
    if (next.length) onChange(next);
  };
  return (
    <details className="column-chooser">
      <summary>
        Columns ({cols.length} of {COLUMN_IDS.length})
      </summary>
      <fieldset>
        <legend className="visually-hidden">Visible columns</legend>
        {COLUMN_IDS.map((id) => (
          <label key={id}>
            <input
              type="checkbox"
              checked={cols.includes(id)}
              disabled={cols.length === 1 && cols.includes(id)}
              onChange={(event) => toggle(id, event.target.checked)}
            />
            {COLUMN_LABELS[id]}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

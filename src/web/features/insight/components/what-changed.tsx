import { useQuery } from '@tanstack/react-query';
import { baselineWindow, CHANGE_THRESHOLDS } from '../../../../contract/changes.ts';
import { BASELINES, type BaselineKind } from '../../../../contract/baselines.ts';
import { instantToMs } from '../../../../contract/time.ts';
import { isApiError } from '../../../lib/api-client.ts';
import type { ListQuery } from '../../../lib/api-params.ts';
import type { Filters } from '../../../../contract/explorer-vocabulary.ts';
import { changesQueries } from '../api/changes-queries.ts';
import { baselineWords, changeLine } from '../lib/change-sentences.ts';
import { useDisplayZone } from '../../../lib/viewer-zone.ts';

export type WhatChangedProps = {
  query: ListQuery;
  endMs: number;
  /** False when the session index did not answer the list: then there is nothing to compare. */
  indexed: boolean;
  baseline: BaselineKind;
  /** The window (epoch ms) and where the index's coverage starts (null: unknown). */
  window: { from: number; to: number };
  coveredFromMs: number | null;
  tz: string;
  onBaseline: (baseline: BaselineKind) => void;
  /** Filter to a named segment. */
  onFilter: (filters: Filters) => void;
};

const BASELINE_OPTIONS: Record<BaselineKind, string> = {
  previous: 'the time before (at least a day)',
  day: 'the same hours a day earlier',
  week: 'the same hours a week earlier',
};

const T = CHANGE_THRESHOLDS;
const RULE = `Named when a share moved by ${T.MIN_RISE * 100} points or more over at least ${T.MIN_SESSIONS} sessions (or volume doubled or halved), beyond chance (exact tests, ${T.FAMILY_ALPHA * 100} % over all comparisons).`;

/** The window against a baseline: which segments moved, in words, each a click from a filter. */
export function WhatChanged(props: WhatChangedProps) {
  const zone = useDisplayZone(props.tz);
  // The shortest baseline the server accepts must lie inside the coverage: asking would only
  // be refused (409) otherwise.
  const needFrom = baselineWindow(
    { fromUs: props.window.from * 1000, toUs: props.window.to * 1000 - 1 },
    props.baseline,
  );
  const length = props.window.to - props.window.from;
  const earliest =
    props.baseline === 'previous' ? props.window.from - length : needFrom.fromUs / 1000;
  const covered = props.coveredFromMs !== null && props.coveredFromMs <= earliest;
  const changes = useQuery({
    ...changesQueries.changes(props.query, props.endMs, props.baseline),
    enabled: props.indexed && covered,
  });
  let body;
  if (!props.indexed) {
    body = <p>Comparing windows needs the session index, which does not cover this window.</p>;
  } else if (!covered) {
    body = (
      <p>
        Comparing needs the session index to cover the baseline too, from{' '}
        {new Date(earliest).toISOString().slice(0, 16).replace('T', ' ')} UTC; it does not yet.
      </p>
    );
  } else if (changes.isError) {
    const error = changes.error;
    body = <p role="status">{isApiError(error) ? error.message : 'The comparison failed.'}</p>;
  } else if (!changes.data) {
    body = <p role="status">Comparing…</p>;
  } else {
    const { meta, tested } = changes.data;
    const before = baselineWords(
      meta.baseline.kind,
      instantToMs(meta.baseline.from),
      instantToMs(meta.baseline.to),
    );
    const lines = changes.data.changes.map((c) => changeLine(c, before, zone.zone));
    body = lines.length ? (
      <ol className="what-changed__list">
        {lines.map((line) => (
          <li key={`${line.who} ${line.text}`}>
            <strong>{line.who}</strong>: {line.text}{' '}
            <button type="button" onClick={() => props.onFilter(line.filters)}>
              Filter to {line.who.replace(/^(SMS|Calls) to /, '')}
            </button>
          </li>
        ))}
      </ol>
    ) : (
      <p role="status">
        Nothing moved beyond chance against {before} ({tested} comparisons of country, network,
        country × network, channel and app).
      </p>
    );
  }
  return (
    <section className="what-changed" aria-labelledby="what-changed-title">
      <h3 id="what-changed-title">What changed</h3>
      <label>
        Compared with{' '}
        <select
          value={props.baseline}
          onChange={(e) => props.onBaseline(e.target.value as BaselineKind)}
        >
          {BASELINES.map((b) => (
            <option key={b} value={b}>
              {BASELINE_OPTIONS[b]}
            </option>
          ))}
        </select>
      </label>
      {body}
      <p className="what-changed__rule">{RULE}</p>
    </section>
  );
}

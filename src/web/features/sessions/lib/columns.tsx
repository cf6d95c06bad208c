import { createColumnHelper, type Row } from '@tanstack/react-table';
import { parseMoney } from '../../../../contract/money.ts';
import type { Session } from '../../../../contract/session.ts';
import { CopyButton } from '../../../components/copy-button.tsx';
import { VerdictBadge } from '../../../components/verdict-badge.tsx';
import { COLUMN_LABELS } from '../../../lib/explorer-labels.ts';
import { MASK_DOTS } from '../../../../contract/mask-dots.ts';
import type { PhoneModule } from '../../../lib/phone-lazy.ts';
import { formatInstant } from '../../../lib/time-format.ts';
import type { DisplayZone } from '../../../lib/time-zone.ts';
import { StatusBadge } from '../../../components/status-badge.tsx';
import { displayTotal, lastAttemptStatus } from './session-values.ts';
import { tableFeaturesSet } from './table-features.ts';
import { verdictFor } from '../../../lib/session-verdict.ts';

const helper = createColumnHelper<typeof tableFeaturesSet, Session>();

/** Ascending order of plain values; the table reverses it for descending. */
function compareBasic(
  a: Row<typeof tableFeaturesSet, Session>,
  b: Row<typeof tableFeaturesSet, Session>,
  id: string,
) {
  const x = a.getValue<string | number>(id);
  const y = b.getValue<string | number>(id);
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareMoney(
  a: Row<typeof tableFeaturesSet, Session>,
  b: Row<typeof tableFeaturesSet, Session>,
  id: string,
) {
  const x = parseMoney(a.getValue<string>(id)) ?? 0n;
  const y = parseMoney(b.getValue<string>(id)) ?? 0n;
  return x < y ? -1 : x > y ? 1 : 0;
}

const orUndefined = <T,>(value: T | null): T | undefined => value ?? undefined;
const text = (value: string | null) => value ?? '—';

/** The explorer's columns; `zone` shows the created time, `phone` formats numbers once loaded. */
export function makeColumns(zone: DisplayZone, phone: PhoneModule | null) {
  const common = { sortFn: compareBasic, sortUndefined: 'last' as const };
  return helper.columns([
    helper.accessor((s) => orUndefined(s.createdAt), {
      id: 'created',
      header: `${COLUMN_LABELS.created} (${zone.label})`,
      cell: (info) => (
        <time dateTime={info.row.original.createdAt ?? undefined}>
          {formatInstant(info.row.original.createdAt, zone.zone)}
        </time>
      ),
      ...common,
    }),
    helper.accessor((s) => orUndefined(s.recipient), {
      id: 'recipient',
      header: COLUMN_LABELS.recipient,
      cell: (info) => {
        const session = info.row.original;
        // A masked number ("+91 ••••1370") is shown as it is: parsing it would invent one.
        const masked = session.recipient?.includes(MASK_DOTS) ?? false;
        const described = masked ? null : phone?.describeRecipient(session.recipient);
        const formatted = described?.text ?? session.recipient ?? '—';
        const country = described?.country ?? session.country;
        return (
          <span className="recipient">
            {formatted}
            {country ? <span className="muted"> · {country}</span> : null}
          </span>
        );
      },
      ...common,
    }),
    helper.accessor((s) => orUndefined(s.status), {
      id: 'status',
      header: COLUMN_LABELS.status,
      cell: (info) => <StatusBadge status={info.row.original.status} />,
      ...common,
    }),
    helper.accessor((s) => verdictFor(s).label, {
      id: 'verdict',
      header: COLUMN_LABELS.verdict,
      cell: (info) => <VerdictBadge session={info.row.original} />,
      ...common,
    }),
    helper.accessor((s) => orUndefined(s.channel), {
      id: 'channel',
      header: COLUMN_LABELS.channel,
      cell: (info) => text(info.row.original.channel),
      ...common,
    }),
    helper.accessor((s) => s.attemptCount ?? s.attempts.length, {
      id: 'attempts',
      header: COLUMN_LABELS.attempts,
      cell: (info) => info.getValue(),
      ...common,
    }),
    helper.accessor((s) => orUndefined(lastAttemptStatus(s)), {
      id: 'last_attempt',
      header: COLUMN_LABELS.last_attempt,
      cell: (info) => {
        const status = lastAttemptStatus(info.row.original);
        return status ? <StatusBadge status={status} /> : '—';
      },
      ...common,
    }),
    helper.accessor((s) => orUndefined(s.network), {
      id: 'network',
      header: COLUMN_LABELS.network,
      cell: (info) => text(info.row.original.network),
      ...common,
    }),
    helper.accessor((s) => orUndefined(s.alias), {
      id: 'alias',
      header: COLUMN_LABELS.alias,
      cell: (info) => text(info.row.original.alias),
      ...common,
    }),
    helper.accessor((s) => displayTotal(s), {
      id: 'charge',
      header: COLUMN_LABELS.charge,
      cell: (info) => <span className="money">{displayTotal(info.row.original)}</span>,
      sortFn: compareMoney,
    }),
    helper.accessor((s) => s.sessionUuid, {
      id: 'session_uuid',
      header: COLUMN_LABELS.session_uuid,
      cell: (info) => (
        <span className="uuid">
          <code>{info.row.original.sessionUuid}</code>
          <CopyButton
            text={info.row.original.sessionUuid}
            label={`Copy session UUID ${info.row.original.sessionUuid}`}
          />
        </span>
      ),
      ...common,
    }),
  ]);
}

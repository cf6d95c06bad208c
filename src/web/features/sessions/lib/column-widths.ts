import type { ColumnId } from '../../../../contract/explorer-vocabulary.ts';

/**
 * Narrowest track of each column, in rem: wide enough for a typical value (a whole time, a
 * whole number); longer values are cut with an ellipsis and shown whole on hover and in the
 * row's details. All eleven fit a 1440 px window; at 1280 px the alias and last attempt give way.
 */
const MIN_REM: Record<ColumnId, number> = {
  created: 10.75,
  recipient: 11.75,
  status: 7,
  verdict: 10.5,
  channel: 4.75,
  attempts: 5,
  last_attempt: 7.25,
  network: 6.5,
  alias: 6.5,
  charge: 6,
  session_uuid: 7.5,
};
const GROW: Record<ColumnId, number> = {
  created: 1.1,
  recipient: 1.3,
  status: 0.8,
  verdict: 1.6,
  channel: 0.5,
  attempts: 0.4,
  last_attempt: 0.8,
  network: 0.9,
  alias: 0.9,
  charge: 0.7,
  session_uuid: 1.6,
};

const EXPAND_REM = 2.25;
const EXPAND_TRACK = `${EXPAND_REM}rem`;

/**
 * When the table is too narrow for every chosen column, these give way first (each is in the
 * row's details: the facts or the attempt timeline); created, recipient, status and verdict
 * always stay. The UUID outlasts the alias and last attempt: support copies it.
 */
const DROP_ORDER: readonly ColumnId[] = [
  'alias',
  'last_attempt',
  'channel',
  'session_uuid',
  'network',
  'attempts',
  'charge',
];

/** The grid tracks of these columns; every row uses the same template, so cells line up. */
export function gridTemplate(columns: readonly ColumnId[]): string {
  return [EXPAND_TRACK, ...columns.map((id) => `minmax(${MIN_REM[id]}rem, ${GROW[id]}fr)`)].join(
    ' ',
  );
}

const minWidthRem = (columns: readonly ColumnId[]) =>
  columns.reduce((sum, id) => sum + MIN_REM[id], EXPAND_REM);

/**
 * The chosen columns that fit `widthPx` (the table's box), dropping the lowest priorities
 * first; `null` width (not measured yet) keeps them all.
 */
export function fitColumns(
  chosen: readonly ColumnId[],
  widthPx: number | null,
  remPx = 16,
): { shown: ColumnId[]; dropped: ColumnId[] } {
  let shown = [...chosen];
  const dropped: ColumnId[] = [];
  if (widthPx === null) return { shown, dropped };
  for (const id of DROP_ORDER) {
    if (minWidthRem(shown) * remPx <= widthPx) break;
    if (!shown.includes(id)) continue;
    shown = shown.filter((c) => c !== id);
    dropped.push(id);
  }
  return { shown, dropped };
}

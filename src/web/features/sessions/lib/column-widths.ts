import { COLUMN_IDS, type ColumnId } from '../../../../contract/explorer-vocabulary.ts';

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
 * What the table's box takes beside its columns: its border (2 px) and a classic scrollbar
 * (up to 17 px). The fit is decided on the box around the note and the table, which has both.
 */
const BOX_REM = 1.25;

/**
 * The chosen columns that give way, in order, each with the width (rem) of the box around
 * the table below which it does: the width its columns need until it is dropped.
 */
export function dropSteps(chosen: readonly ColumnId[]): { id: ColumnId; belowRem: number }[] {
  let shown = [...chosen];
  const steps: { id: ColumnId; belowRem: number }[] = [];
  for (const id of DROP_ORDER) {
    if (!shown.includes(id)) continue;
    steps.push({ id, belowRem: minWidthRem(shown) + BOX_REM });
    shown = shown.filter((c) => c !== id);
  }
  return steps;
}

/**
 * The value of `data-fit` on the box around the note and the table, naming its rules: each
 * chosen column's place in the vocabulary, one base-36 digit each, in the chosen order. Short,
 * because every rule repeats it and the rules travel in the first screen's HTML.
 */
export const fitKey = (chosen: readonly ColumnId[]) =>
  chosen.map((id) => COLUMN_IDS.indexOf(id).toString(36)).join('');

/**
 * The fit as container queries on the box around the note and the table (`.table-fit`): the
 * grid tracks, the cells of the columns that give way and their names in the note. CSS, not a
 * measured width, so the server's render is already laid out as the window is, at any width,
 * and nothing moves when the app takes over. Column ids are a fixed vocabulary: safe in CSS.
 */
export function fitStylesheet(chosen: readonly ColumnId[]): string {
  const scope = `.table-fit[data-fit="${fitKey(chosen)}"]`;
  let shown = [...chosen];
  const rules = [`${scope} .sessions-table{--grid-columns:${gridTemplate(shown)}}`];
  for (const { id, belowRem } of dropSteps(chosen)) {
    shown = shown.filter((c) => c !== id);
    rules.push(
      `@container table-fit (width < ${belowRem}rem){` +
        `${scope} .sessions-table{--grid-columns:${gridTemplate(shown)}}` +
        `${scope} .table-row>.cell-${id}{display:none}` +
        `${scope} .table-fit-note{visibility:visible}` +
        `${scope} [data-fit-name="${id}"]{display:inline}}`,
    );
  }
  return rules.join('\n');
}

import { MASKED_PHONE } from '../../../../contract/mask.ts';
import type { Cell, ExportTable } from './export-rows.ts';

/**
 * CSV per RFC 4180: CRLF line ends, a header row, every field in double quotes with inner
 * quotes doubled. Quoting *every* field (allowed by the RFC) keeps the rule simple and makes
 * phone numbers plain quoted text: `"+14155550100"`. No `'` prefix and no `="…"` wrapper —
 * both change the value for every program that is not a spreadsheet. (Excel's double-click
 * "Open" still guesses types; the README tells users to import the column as Text.)
 *
 * Formula injection (OWASP "CSV Injection"). A spreadsheet runs a cell that starts with
 * `=`, `+`, `-`, `@`, TAB or CR as a formula, so text like `=HYPERLINK("http://evil",…)`
 * in an alias or brand name could run when a colleague opens the export. The rule:
 *
 *   1. A field is LEFT AS IS when it is inert even if read as a formula:
 *      - an E.164 phone number, `+` and 7–15 digits (as a formula it is just that number:
 *        no function, no cell reference, nothing to run), e.g. `+14155550100`;
 *      - a masked phone number as `maskPhone` writes it (`+91 ••••1370`): digits, one space
 *        and bullets — no function name, no cell reference;
 *      - a plain decimal number such as a negative amount `-0.005`.
 *   2. Any OTHER field starting with one of those six characters gets a leading `'`, the
 *      neutraliser OWASP recommends and spreadsheets hide. Such values are free text typed by
 *      people (alias, brand name, app hash), never phone numbers, so rule 1's promise holds.
 *   3. Everything else is written unchanged.
 *
 * The check looks only at the first character, as spreadsheets do; quoting takes care of
 * commas, quotes and line breaks inside a field.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const E164 = /^\+[1-9]\d{6,14}$/;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

export function neutraliseFormula(value: string): string {
  if (!FORMULA_START.test(value)) return value;
  if (E164.test(value) || MASKED_PHONE.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}

export function csvField(cell: Cell): string {
  const text = cell === null ? '' : neutraliseFormula(String(cell));
  return `"${text.replaceAll('"', '""')}"`;
}

export function toCsv(table: ExportTable): string {
  const lines = [table.columns.map(csvField).join(',')];
  for (const row of table.rows) {
    lines.push(table.columns.map((c) => csvField(row[c] ?? null)).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Reads CSV written by `toCsv` back into rows (RFC 4180 quoting); used by tests to prove
 * the file round-trips, and small enough to keep beside the writer.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  const FIELD = /"((?:[^"]|"")*)"|([^",\r\n]*)/y;
  let at = 0;
  let row: string[] = [];
  while (at < text.length) {
    FIELD.lastIndex = at;
    const match = FIELD.exec(text);
    const quoted = match?.[1];
    row.push(quoted === undefined ? (match?.[2] ?? '') : quoted.replaceAll('""', '"'));
    at = FIELD.lastIndex;
    if (text[at] === ',') {
      at += 1;
      continue;
    }
    rows.push(row);
    row = [];
    at += text.startsWith('\r\n', at) ? 2 : 1;
  }
  return rows;
}

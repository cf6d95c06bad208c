import { ALL_FILTER_PARAMS } from '../../../../contract/explorer-vocabulary.ts';
import { maskPhone, maskText } from '../../../../contract/mask.ts';
import { toCsv } from './csv.ts';
import type { ExportFormat, ExportTable, Granularity } from './export-rows.ts';

export type ExportContext = {
  params: URLSearchParams;
  /** The absolute window the rows were fetched for, epoch ms. */
  window: { from: number; to: number };
  granularity: Granularity;
  format: ExportFormat;
  masked: boolean;
};

const MAX_PART = 40;

function slug(value: string): string {
  return value
    .replace(/[^A-Za-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_PART);
}

/** "2026-11-20T10-00Z" (seconds only when not zero): sortable, and valid on every OS. */
function fileTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  const seconds = iso.slice(17, 19) === '00' ? '' : `-${iso.slice(17, 19)}`;
  return `${iso.slice(0, 13)}-${iso.slice(14, 16)}${seconds}Z`;
}

/**
 * `otp-sessions_status-expired_2026-11-20T10-00Z_2026-11-20T11-00Z.csv`: the filters in a
 * fixed order, then the window, so files from one incident sort and read together. A masked
 * export never puts the full number in its name.
 */
export function exportFileName(context: ExportContext): string {
  const parts = [context.granularity === 'session' ? 'otp-sessions' : 'otp-attempts'];
  for (const name of ALL_FILTER_PARAMS) {
    const raw = context.params.get(name)?.trim();
    if (!raw) continue;
    const part = slug(filterValue(name, raw, context.masked));
    if (part) parts.push(`${name.replace('_', '-')}-${part}`);
  }
  parts.push(fileTime(context.window.from), fileTime(context.window.to));
  if (context.masked) parts.push('masked');
  return `${parts.join('_')}.${context.format}`;
}

function filterValue(name: string, value: string, masked: boolean): string {
  if (!masked) return value;
  return name === 'recipient' ? maskPhone(value) : maskText(value);
}

type ExportMeta = {
  exportedAt: string;
  timeZone: string;
  /** Every loaded session matching the filters (false when more pages were not loaded). */
  complete: boolean;
  sessionCount: number;
};

/** JSON export: the rows plus what a reader needs to trust them (window, zone, completeness). */
function toJsonExport(table: ExportTable, context: ExportContext, meta: ExportMeta): string {
  const filters: Record<string, string> = {};
  for (const name of ALL_FILTER_PARAMS) {
    const value = context.params.get(name)?.trim();
    if (value) filters[name] = filterValue(name, value, context.masked);
  }
  const document = {
    exported_at: meta.exportedAt,
    window: {
      from: new Date(context.window.from).toISOString(),
      to: new Date(context.window.to).toISOString(),
    },
    time_zone: meta.timeZone,
    filters,
    masked: context.masked,
    complete: meta.complete,
    granularity: context.granularity,
    session_count: meta.sessionCount,
    row_count: table.rows.length,
    rows: table.rows.map((row) =>
      Object.fromEntries(table.columns.map((c) => [c, row[c] ?? null])),
    ),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * The file's text. CSV starts with a UTF-8 byte-order mark: without it Excel reads the file
 * as Windows-1252 and the bullets of masked numbers turn into "â€¢".
 */
export function exportText(table: ExportTable, context: ExportContext, meta: ExportMeta): string {
  return context.format === 'csv' ? `\uFEFF${toCsv(table)}` : toJsonExport(table, context, meta);
}

export const MIME_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json;charset=utf-8',
};

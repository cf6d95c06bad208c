import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * One line of the benchmark table. `value` null means "not measured" and `note` says why, so a
 * missing subject is reported instead of silently skipped or faked.
 */
export type Figure = {
  group: string;
  label: string;
  value: number | null;
  unit: string;
  /** The target, e.g. `<= 150`; checked against `value`. */
  target?: { op: '<=' | '>=' | '=='; value: number };
  /** For side-by-side figures: what this one is compared with. */
  note?: string;
};

export type CheckedFigure = Figure & { pass: boolean | null };

export function check(figure: Figure): CheckedFigure {
  const { target, value } = figure;
  if (!target || value === null) return { ...figure, pass: null };
  const pass =
    target.op === '<='
      ? value <= target.value
      : target.op === '>='
        ? value >= target.value
        : value === target.value;
  return { ...figure, pass };
}

export function notMeasured(group: string, label: string, why: string): Figure {
  return { group, label, value: null, unit: '', note: `not measured: ${why}` };
}

/** Thrown by a measurement whose subject (server, simulator, UI piece) does not exist yet. */
export class NotReadyError extends Error {
  override name = 'NotReadyError';
}

function formatValue(f: CheckedFigure): string {
  if (f.value === null) return '—';
  const digits = Math.abs(f.value) >= 100 || Number.isInteger(f.value) ? 0 : 2;
  return `${f.value.toFixed(digits)} ${f.unit}`.trim();
}

function formatTarget(f: CheckedFigure): string {
  if (!f.target) return '';
  const verdict = f.pass === null ? '' : f.pass ? ' PASS' : ' FAIL';
  return `${f.target.op} ${f.target.value}${verdict}`;
}

/** A plain-text table: group, figure, value, target with PASS/FAIL, note. */
export function formatTable(figures: readonly CheckedFigure[]): string {
  const rows = figures.map((f) => [
    f.group,
    f.label,
    formatValue(f),
    formatTarget(f),
    f.note ?? '',
  ]);
  const header = ['group', 'figure', 'value', 'target', 'note'];
  const widths = header.map((h, i) =>
    Math.min(60, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function writeReport(path: string, report: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}

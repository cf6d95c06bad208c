import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { exportFileName, exportText, type ExportContext } from './export-file.ts';
import type { ExportTable } from './export-rows.ts';

const WINDOW = {
  from: Date.parse('2026-11-20T10:00:00Z'),
  to: Date.parse('2026-11-20T11:00:00Z'),
};
const context = (search: string, extra: Partial<ExportContext> = {}): ExportContext => ({
  params: new URLSearchParams(search),
  window: WINDOW,
  granularity: 'session',
  format: 'csv',
  masked: false,
  ...extra,
});

describe('exportFileName', () => {
  it.each([
    ['status=expired', {}, 'otp-sessions_status-expired_2026-11-20T10-00Z_2026-11-20T11-00Z.csv'],
    ['', { format: 'json' as const }, 'otp-sessions_2026-11-20T10-00Z_2026-11-20T11-00Z.json'],
    [
      'country=IN&status=verified&channel=sms&network=AirTel',
      { granularity: 'attempt' as const },
      'otp-attempts_status-verified_country-IN_network-AirTel_channel-sms_2026-11-20T10-00Z_2026-11-20T11-00Z.csv',
    ],
    [
      'recipient=%2B918681951370',
      {},
      'otp-sessions_recipient-918681951370_2026-11-20T10-00Z_2026-11-20T11-00Z.csv',
    ],
    [
      'recipient=%2B918681951370&alias=call 0091 86819 51370',
      { masked: true },
      'otp-sessions_recipient-91-1370_alias-call-1370_2026-11-20T10-00Z_2026-11-20T11-00Z_masked.csv',
    ],
    [
      'brand_name=../../etc/passwd "x"',
      {},
      'otp-sessions_brand-name-..-..-etc-passwd-x_2026-11-20T10-00Z_2026-11-20T11-00Z.csv',
    ],
    [
      'status=expired&unknown=zzz&range=1h',
      {},
      'otp-sessions_status-expired_2026-11-20T10-00Z_2026-11-20T11-00Z.csv',
    ],
  ])('%s %j → %s', (search, extra, expected) => {
    expect(exportFileName(context(search, extra))).toBe(expected);
  });

  it('adds seconds only when the window has some', () => {
    const name = exportFileName({
      ...context(''),
      window: { from: WINDOW.from + 30_000, to: WINDOW.to },
    });
    expect(name).toBe('otp-sessions_2026-11-20T10-00-30Z_2026-11-20T11-00Z.csv');
  });
});

const table: ExportTable = {
  columns: ['session_uuid', 'recipient', 'alias'],
  rows: [{ session_uuid: 'a', recipient: '+14155550100', alias: '=1+2' }],
};
const meta = {
  exportedAt: '2026-11-20T11:00:05.000Z',
  timeZone: 'Asia/Kolkata',
  complete: false,
  sessionCount: 1,
};

describe('exportText', () => {
  it('writes CSV with a UTF-8 BOM, the phone as plain quoted text', () => {
    const text = exportText(table, context('status=expired'), meta);
    expect(text.startsWith('\uFEFF"session_uuid"')).toBe(true);
    expect(text).toContain('"+14155550100"');
    expect(text).not.toContain("'+1415");
    expect(parseCsv(text.slice(1))[1]).toEqual(['a', '+14155550100', "'=1+2"]);
  });

  it('writes JSON with the window, zone, filters, completeness and rows', () => {
    const text = exportText(
      table,
      context('status=expired&recipient=%2B14155550100', { format: 'json', masked: true }),
      meta,
    );
    expect(JSON.parse(text)).toEqual({
      exported_at: '2026-11-20T11:00:05.000Z',
      window: { from: '2026-11-20T10:00:00.000Z', to: '2026-11-20T11:00:00.000Z' },
      time_zone: 'Asia/Kolkata',
      filters: { status: 'expired', recipient: '+1 ••••0100' },
      masked: true,
      complete: false,
      granularity: 'session',
      session_count: 1,
      row_count: 1,
      // JSON needs no formula neutraliser: values are kept exactly.
      rows: [{ session_uuid: 'a', recipient: '+14155550100', alias: '=1+2' }],
    });
  });
});

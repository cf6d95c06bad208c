import { describe, expect, it } from 'vitest';
import { csvField, neutraliseFormula, parseCsv, toCsv } from './csv.ts';

describe('neutraliseFormula', () => {
  it.each([
    // Inert values starting with a formula character stay exactly as they are.
    ['+14155550100', '+14155550100'],
    ['+918681951370', '+918681951370'],
    ['+91 ••••1370', '+91 ••••1370'],
    ['-0.005', '-0.005'],
    ['-3', '-3'],
    // Free text that a spreadsheet would run gets the OWASP neutraliser.
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['=1+2', `'=1+2`],
    ['+1+cmd|" /C calc"!A0', `'+1+cmd|" /C calc"!A0`],
    ['+A1', `'+A1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['+1234', `'+1234`],
    // Ordinary values are untouched.
    ['Acme OTP', 'Acme OTP'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });
});

describe('csvField (RFC 4180)', () => {
  it.each([
    ['plain', '"plain"'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['+14155550100', '"+14155550100"'],
    [null, '""'],
    [3, '"3"'],
  ])('%j → %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });
});

describe('toCsv', () => {
  const table = {
    columns: ['recipient', 'alias', 'attempt_count'],
    rows: [
      { recipient: '+14155550100', alias: 'Shop, "EU"\nline 2', attempt_count: 2 },
      { recipient: null, alias: '=cmd', attempt_count: null },
    ],
  };

  it('writes a header and CRLF-terminated records', () => {
    expect(toCsv(table)).toBe(
      '"recipient","alias","attempt_count"\r\n' +
        '"+14155550100","Shop, ""EU""\nline 2","2"\r\n' +
        `"","'=cmd",""\r\n`,
    );
  });

  it('round-trips through an RFC 4180 reader', () => {
    expect(parseCsv(toCsv(table))).toEqual([
      ['recipient', 'alias', 'attempt_count'],
      ['+14155550100', 'Shop, "EU"\nline 2', '2'],
      ['', "'=cmd", ''],
    ]);
  });
});

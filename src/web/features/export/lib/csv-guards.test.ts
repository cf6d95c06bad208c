// Formula-injection guards of the CSV export, edge by edge: each exemption (phone number,
// masked phone number, plain number) holds only for the WHOLE field. Found by mutation testing
// (`npm run test:mutation`): dropping an anchor from an exemption let payloads out unmarked.
import { describe, expect, it } from 'vitest';
import { csvField, neutraliseFormula, parseCsv, toCsv } from './csv.ts';

const neutralised = (value: string) => `'${value}`;

describe('neutraliseFormula: an exemption covers the whole field, not a prefix or suffix', () => {
  it.each([
    // A phone number followed by a formula (E.164's end anchor).
    '+14155550100=HYPERLINK("http://evil.example","click")',
    '+14155550100+cmd|" /C calc"!A0',
    '+14155550100\n=1',
    // A formula ending in a phone number (E.164's start anchor).
    '=A1+14155550100',
    '@A1+14155550100',
    // A masked number followed or preceded by a formula (MASKED_PHONE's anchors).
    '+91 ••••1370=HYPERLINK("http://evil.example")',
    '+91 ••••1370\n=1',
    '=A1&"+91 ••••1370"',
    '-A1+••••1370',
    // A number followed or preceded by a formula (PLAIN_NUMBER's anchors).
    '-0.005=HYPERLINK("http://evil.example")',
    '-1\n=1',
    '=-1',
    '=1.5',
    '-A1-1',
  ])('%j is neutralised', (value) => {
    expect(neutraliseFormula(value)).toBe(neutralised(value));
  });

  it('exempts E.164 only from 7 to 15 digits after a non-zero first digit', () => {
    expect(neutraliseFormula('+1234567')).toBe('+1234567');
    expect(neutraliseFormula('+123456789012345')).toBe('+123456789012345');
    expect(neutraliseFormula('+123456')).toBe(neutralised('+123456'));
    expect(neutraliseFormula('+1234567890123456')).toBe(neutralised('+1234567890123456'));
    expect(neutraliseFormula('+04155550100')).toBe(neutralised('+04155550100'));
    expect(neutraliseFormula('+1 415 555 0100')).toBe(neutralised('+1 415 555 0100'));
  });

  it('exempts masked numbers exactly as maskPhone writes them', () => {
    expect(neutraliseFormula('+1 ••••0100')).toBe('+1 ••••0100');
    expect(neutraliseFormula('+598 ••••1234')).toBe('+598 ••••1234');
    expect(neutraliseFormula('+91 •••1370')).toBe(neutralised('+91 •••1370'));
    expect(neutraliseFormula('+9123 ••••1370')).toBe(neutralised('+9123 ••••1370'));
    expect(neutraliseFormula('+91 ••••13701')).toBe(neutralised('+91 ••••13701'));
    expect(neutraliseFormula('+91••••1370')).toBe(neutralised('+91••••1370'));
  });

  it('exempts plain decimals only', () => {
    expect(neutraliseFormula('-12')).toBe('-12');
    expect(neutraliseFormula('-0.5')).toBe('-0.5');
    expect(neutraliseFormula('-.5')).toBe(neutralised('-.5'));
    expect(neutraliseFormula('-1.')).toBe(neutralised('-1.'));
    expect(neutraliseFormula('--1')).toBe(neutralised('--1'));
    expect(neutraliseFormula('-1e5')).toBe(neutralised('-1e5'));
  });

  it('looks at the first character only, as spreadsheets do', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(neutraliseFormula(`${start}x`)).toBe(neutralised(`${start}x`));
    }
    for (const safe of ['x=1', ' =1', '\n=1', '#=1', '1+1', "'=1"]) {
      expect(neutraliseFormula(safe)).toBe(safe);
    }
  });
});

describe('csv writing and reading', () => {
  it('quotes every field, neutralised first, and writes numbers and null as text', () => {
    expect(csvField('=a"b')).toBe(`"'=a""b"`);
    expect(csvField(0)).toBe('"0"');
    expect(csvField(-1)).toBe('"-1"');
    expect(csvField('')).toBe('""');
  });

  it('writes a missing column as an empty field, and a header-only table', () => {
    expect(toCsv({ columns: ['a', 'b'], rows: [{ a: 'x' }] })).toBe('"a","b"\r\n"x",""\r\n');
    expect(toCsv({ columns: ['a'], rows: [] })).toBe('"a"\r\n');
  });

  it('reads unquoted fields, empty fields, and LF or CRLF line ends', () => {
    expect(parseCsv('a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,,"c"\n"x ""y""",z\n')).toEqual([
      ['a', '', 'c'],
      ['x "y"', 'z'],
    ]);
    expect(parseCsv('"one"')).toEqual([['one']]);
    expect(parseCsv('')).toEqual([]);
  });
});

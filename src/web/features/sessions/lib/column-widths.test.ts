import { describe, expect, it } from 'vitest';
import { COLUMN_IDS } from '../../../../contract/explorer-vocabulary.ts';
import { fitColumns, gridTemplate } from './column-widths.ts';

const all = [...COLUMN_IDS];
/** The sum of the tracks' minimums, in px at 16 px a rem. */
const minPx = (cols: readonly (typeof COLUMN_IDS)[number][]) =>
  [...gridTemplate(cols).matchAll(/(?:minmax\()?([\d.]+)rem/g)].reduce(
    (sum, m) => sum + Number(m[1]) * 16,
    0,
  );

describe('fitColumns', () => {
  it('keeps every column when unmeasured (report, pre-render)', () => {
    expect(fitColumns(all, null)).toEqual({ shown: all, dropped: [] });
  });

  it('fits all eleven columns in a 1440 px window (page margins and a scrollbar taken off)', () => {
    const box = 1440 - 40 - 2 - 15;
    expect(fitColumns(all, box).dropped).toEqual([]);
    expect(minPx(all)).toBeLessThanOrEqual(box);
  });

  it('gives up the alias and the last attempt, no more, in a 1280 px window', () => {
    const { shown, dropped } = fitColumns(all, 1280 - 40 - 2 - 15);
    expect(dropped).toEqual(['alias', 'last_attempt']);
    expect(minPx(shown)).toBeLessThanOrEqual(1280 - 40 - 2 - 15);
  });

  it('drops the lowest priorities first at 800 px, never the core four', () => {
    const { shown, dropped } = fitColumns(all, 800 - 40 - 2 - 15);
    expect(dropped[0]).toBe('alias');
    expect(shown).toEqual(expect.arrayContaining(['created', 'recipient', 'status', 'verdict']));
    expect(minPx(shown)).toBeLessThanOrEqual(800 - 40 - 2 - 15);
  });

  it('keeps the core four even when nothing fits', () => {
    expect(fitColumns(all, 100).shown).toEqual(['created', 'recipient', 'status', 'verdict']);
  });

  it('drops nothing the user has not chosen, and keeps their order', () => {
    const chosen = ['verdict', 'created', 'charge'] as const;
    expect(fitColumns([...chosen], 500)).toEqual({ shown: [...chosen], dropped: [] });
  });
});

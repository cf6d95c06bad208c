import { describe, expect, it } from 'vitest';
import { COLUMN_IDS, type ColumnId } from '../../../../contract/explorer-vocabulary.ts';
import { dropSteps, fitKey, fitStylesheet, gridTemplate } from './column-widths.ts';

const all = [...COLUMN_IDS];
/** The sum of the tracks' minimums, in px at 16 px a rem. */
const minPx = (cols: readonly ColumnId[]) =>
  [...gridTemplate(cols).matchAll(/(?:minmax\()?([\d.]+)rem/g)].reduce(
    (sum, m) => sum + Number(m[1]) * 16,
    0,
  );
/** What the stylesheet's container queries drop in a window this wide (page margins 40 px). */
const droppedAt = (cols: readonly ColumnId[], windowPx: number) =>
  dropSteps(cols)
    .filter((step) => windowPx - 40 < step.belowRem * 16)
    .map((step) => step.id);
const shownAt = (cols: readonly ColumnId[], windowPx: number) =>
  cols.filter((id) => !droppedAt(cols, windowPx).includes(id));
/** The table's own width: the box less its border and a classic scrollbar. */
const tablePx = (windowPx: number) => windowPx - 40 - 2 - 17;

describe('dropSteps', () => {
  it('fits all eleven columns in a 1440 px window (page margins, border and a scrollbar off)', () => {
    expect(droppedAt(all, 1440)).toEqual([]);
    expect(minPx(all)).toBeLessThanOrEqual(tablePx(1440));
  });

  it('gives up the alias and the last attempt, no more, in a 1280 px window', () => {
    expect(droppedAt(all, 1280)).toEqual(['alias', 'last_attempt']);
    expect(minPx(shownAt(all, 1280))).toBeLessThanOrEqual(tablePx(1280));
  });

  it('drops the lowest priorities first at 800 px, never the core four', () => {
    const dropped = droppedAt(all, 800);
    expect(dropped[0]).toBe('alias');
    expect(shownAt(all, 800)).toEqual(
      expect.arrayContaining(['created', 'recipient', 'status', 'verdict']),
    );
    expect(minPx(shownAt(all, 800))).toBeLessThanOrEqual(tablePx(800));
  });

  it('keeps the core four even when nothing fits', () => {
    expect(shownAt(all, 100)).toEqual(['created', 'recipient', 'status', 'verdict']);
  });

  it('drops nothing the user has not chosen, later steps at narrower widths', () => {
    const steps = dropSteps(['verdict', 'alias', 'created', 'charge']);
    expect(steps.map((s) => s.id)).toEqual(['alias', 'charge']);
    expect(steps[0]!.belowRem).toBeGreaterThan(steps[1]!.belowRem);
    expect(droppedAt(['verdict', 'created', 'charge'], 1280)).toEqual([]);
  });
});

describe('fitKey', () => {
  it('names each column choice apart, order included, in a few characters', () => {
    expect(fitKey(['created', 'alias', 'status'])).toBe('082');
    expect(fitKey(['created', 'status', 'alias'])).not.toBe(fitKey(['created', 'alias', 'status']));
    expect(fitKey([...COLUMN_IDS])).toBe('0123456789a');
  });
});

describe('fitStylesheet', () => {
  it('lays out every chosen column, then drops each below its width, scoped to the choice', () => {
    const cols: ColumnId[] = ['created', 'alias', 'status'];
    const scope = `.table-fit[data-fit="${fitKey(cols)}"]`;
    const [base, drop, ...rest] = fitStylesheet(cols).split('\n');
    expect(rest).toEqual([]);
    expect(base).toBe(`${scope} .sessions-table{--grid-columns:${gridTemplate(cols)}}`);
    const [step] = dropSteps(cols);
    expect(drop).toContain(`@container table-fit (width < ${step!.belowRem}rem){`);
    expect(drop).toContain(`--grid-columns:${gridTemplate(['created', 'status'])}}`);
    expect(drop).toContain(`${scope} .table-row>.cell-alias{display:none}`);
    expect(drop).toContain(`${scope} [data-fit-name="alias"]{display:inline}`);
  });

  it('is only the layout when no chosen column can give way', () => {
    expect(fitStylesheet(['created', 'status']).split('\n')).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { absoluteWindow, isOpenWindow } from './time-window.ts';

const END = Date.parse('2026-11-20T12:00:00Z');
const FROM = Date.parse('2026-11-20T10:00:00Z');

describe('absoluteWindow', () => {
  it.each([
    [{ kind: 'range', range: '1h' } as const, END - 3_600_000, END, true],
    [{ kind: 'absolute', from: FROM, to: null } as const, FROM, END, true],
    [{ kind: 'absolute', from: FROM, to: FROM + 60_000 } as const, FROM, FROM + 60_000, false],
  ])('%j', (time, from, to, open) => {
    expect(absoluteWindow(time, END)).toEqual({ from, to });
    expect(isOpenWindow(time)).toBe(open);
  });
});

import { describe, expect, it } from 'vitest';
import { recallRender, rememberRender } from './recent-renders.ts';

const result = (html: string) => ({
  html,
  boot: { apiQuery: '', body: null, endMs: 0, fetchedAt: 0 },
});

describe('recent renders', () => {
  it('gives a render back only for the very reply it came from', () => {
    const reply = {};
    rememberRender('a', reply, result('A'));
    expect(recallRender('a', reply)?.html).toBe('A');
    expect(recallRender('a', {})).toBeNull();
    expect(recallRender('b', reply)).toBeNull();
  });

  it('keeps the last 100, dropping the least recently used', () => {
    const reply = {};
    for (let i = 0; i < 100; i++) rememberRender(`k${i}`, reply, result(String(i)));
    expect(recallRender('k0', reply)?.html).toBe('0');
    rememberRender('k100', reply, result('100'));
    expect(recallRender('k0', reply)?.html).toBe('0');
    expect(recallRender('k1', reply)).toBeNull();
    expect(recallRender('k100', reply)?.html).toBe('100');
  });
});

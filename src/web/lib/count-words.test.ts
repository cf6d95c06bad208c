import { describe, expect, it } from 'vitest';
import { loadedWords, sessionsWord } from './count-words.ts';

describe('count words', () => {
  it.each([
    [0, '0 sessions'],
    [1, '1 session'],
    [2, '2 sessions'],
    [12345, '12,345 sessions'],
  ])('%i is “%s”', (n, words) => {
    expect(sessionsWord(n)).toBe(words);
  });

  it.each([
    [37, false, null, 'all 37 sessions'],
    [1, false, null, 'all 1 session'],
    [37, false, 37, 'all 37 sessions'],
    [500, true, 3120, '500 of 3,120 sessions loaded'],
    [1, true, 1, '1 of 1 session loaded'],
    [20, true, null, '20 sessions loaded · more available'],
    [1, true, null, '1 session loaded · more available'],
  ] as const)('%i loaded, more %s, total %s: “%s”', (loaded, more, total, words) => {
    expect(loadedWords(loaded, more, total)).toBe(words);
  });
});

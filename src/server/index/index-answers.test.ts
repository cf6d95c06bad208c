import { describe, expect, it } from 'vitest';
import { parseSessionQuery } from '../../contract/session-query.ts';
import { IndexAnswers } from './index-answers.ts';
import type { SessionIndex } from './session-index.ts';
import type { SyncLoop } from './sync-loop.ts';

// Which comparisons the index refuses, and why, with a fixed coverage: the refusals happen
// before any row is read, so the index itself is never asked.
const NOW_MS = Date.parse('2026-11-20T12:00:00Z');
const DAY_US = 86_400_000_000;
const nowUs = NOW_MS * 1000;

function answersCovering(days: number) {
  const loop = {
    coverage: () => ({ fromUs: nowUs - days * DAY_US, toUs: nowUs, asOfUs: nowUs }),
  } as unknown as SyncLoop;
  return new IndexAnswers({
    index: {} as SessionIndex,
    loop,
    offReason: null,
    now: () => NOW_MS,
    retentionDays: 400,
  });
}

function query(from: string, to: string) {
  const parsed = parseSessionQuery([
    ['session_time__gte', from],
    ['session_time__lt', to],
  ]);
  if (!parsed.ok) throw new Error('bad query');
  return parsed.query;
}

describe('IndexAnswers.changes refusals', () => {
  const yesterday = query('2026-11-19 00:00', '2026-11-20 00:00');

  it('names the baseline when only the baseline lies outside the coverage', async () => {
    const decision = await answersCovering(3).changes(yesterday, 'week');
    expect(decision).toMatchObject({
      by: 'refused',
      message: expect.stringMatching(/for the baseline 2026-11-12T00:00:00\.0+Z to .* too/),
    });
  });

  it('names the window when the window itself is not covered', async () => {
    const decision = await answersCovering(0.5).changes(yesterday, 'previous');
    expect(decision).toMatchObject({
      by: 'refused',
      message: expect.stringMatching(/the window starts before the index does/),
    });
  });
});

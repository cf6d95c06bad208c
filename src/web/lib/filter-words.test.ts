import { describe, expect, it } from 'vitest';
import { indexFilterChips, orList, usd } from './filter-words.ts';

describe('indexFilterChips', () => {
  it.each([
    [{ network: 'AirTel' }, 'Network: AirTel'],
    [{ channel: 'sms,voice' }, 'Last channel: SMS or voice'],
    [{ attempt_channel: 'voice' }, 'An attempt by voice'],
    [
      { verdict: 'undelivered_all,failed_to_send' },
      'Verdict: Undelivered on all attempts or Failed to send',
    ],
    [{ attempts_min: '1' }, 'At least 1 attempt'],
    [{ attempts_min: '3' }, 'At least 3 attempts'],
    [{ recipient_contains: '1370' }, 'Number contains 1370'],
    [{ charge_min: '0.5' }, 'Charge at least $0.50'],
  ])('%j → %s', (filters, text) => {
    expect(indexFilterChips(filters).map((c) => c.text)).toEqual([text]);
  });

  it('leaves Plivo’s own filters to the filter bar', () => {
    expect(indexFilterChips({ status: 'expired', country: 'IN' })).toEqual([]);
  });

  it('masks recipient digits beyond the last four', () => {
    expect(indexFilterChips({ recipient_contains: '8681951370' }, true)[0]?.text).toBe(
      'Number contains …1370',
    );
  });
});

describe('helpers', () => {
  it('orList and usd', () => {
    expect(orList(['a', 'b', 'c'])).toBe('a, b or c');
    expect(usd('0.0045')).toBe('$0.0045');
  });
});

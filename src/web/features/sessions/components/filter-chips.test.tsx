import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FilterChips } from './filter-chips.tsx';

afterEach(cleanup);

describe('FilterChips', () => {
  it('names each index filter in words and removes it', async () => {
    const onClear = vi.fn<(param: string) => void>();
    render(
      <FilterChips
        filters={{
          country: 'IN',
          network: 'AirTel,Jio',
          channel: 'sms',
          verdict: 'undelivered_all',
          attempts_min: '2',
          recipient_contains: '86811370',
          charge_min: '0.05',
        }}
        masked={false}
        onClear={onClear}
      />,
    );
    const list = screen.getByRole('list', { name: 'Index filters' });
    const chips = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(chips).toEqual([
      'Network: AirTel or Jio×',
      'Last channel: SMS×',
      'Verdict: Undelivered on all attempts×',
      'At least 2 attempts×',
      'Number contains 86811370×',
      'Charge at least $0.05×',
    ]);
    expect(list).not.toHaveTextContent('Country');
    await userEvent.click(screen.getByRole('button', { name: 'Remove Network: AirTel or Jio' }));
    expect(onClear).toHaveBeenCalledWith('network');
  });

  it('masks recipient digits to the last four', () => {
    render(
      <FilterChips
        filters={{ recipient_contains: '86811370' }}
        masked
        onClear={vi.fn<(param: string) => void>()}
      />,
    );
    expect(screen.getByRole('listitem')).toHaveTextContent('Number contains …1370');
  });

  it('renders nothing without index filters', () => {
    const { container } = render(
      <FilterChips
        filters={{ status: 'expired' }}
        masked={false}
        onClear={vi.fn<(param: string) => void>()}
      />,
    );
    expect(container).toBeEmptyDOMElement();
  });
});

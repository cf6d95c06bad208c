import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClientFilterChips } from './client-filter-chips.tsx';

afterEach(cleanup);

describe('ClientFilterChips', () => {
  it('names each filter as a filter over loaded rows and removes it', async () => {
    const onClear = vi.fn<(param: string) => void>();
    render(
      <ClientFilterChips
        filters={{ channel: 'sms', country: 'IN', verdict: 'sent_no_receipt' }}
        onClear={onClear}
      />,
    );
    const list = screen.getByRole('list', { name: 'Filters on loaded rows' });
    expect(list).toHaveTextContent('Channel: SMS (filters loaded rows)');
    expect(list).toHaveTextContent('Country: IN (filters loaded rows)');
    expect(list).toHaveTextContent('Verdict: Sent — no delivery receipt (filters loaded rows)');
    await userEvent.click(screen.getByRole('button', { name: 'Remove Country: IN' }));
    expect(onClear).toHaveBeenCalledWith('f_country');
  });

  it('renders nothing without filters', () => {
    const { container } = render(<ClientFilterChips filters={{}} onClear={() => undefined} />);
    expect(container).toBeEmptyDOMElement();
  });
});

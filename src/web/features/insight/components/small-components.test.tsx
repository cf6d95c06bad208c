import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeAttempt as a, makeSession } from '../lib/make-session.ts';
import { ClientFilterChips } from './client-filter-chips.tsx';
import { VerdictBadge } from './verdict-badge.tsx';

afterEach(cleanup);

describe('VerdictBadge', () => {
  it('shows the label, with the rule on hover and for screen readers', () => {
    const session = makeSession({
      status: 'verified',
      attempts: [a('sms', 'undelivered'), a('voice', 'answer')],
    });
    render(<VerdictBadge session={session} />);
    const badge = screen.getByTitle(/fell back to voice/);
    expect(badge).toHaveTextContent(/^Verified on 2nd attempt \(voice fallback\)\. The session/);
    expect(badge).toHaveAttribute('data-verdict', 'verified_fallback');
  });

  it('never says delivered for “sent”', () => {
    render(
      <VerdictBadge session={makeSession({ status: 'expired', attempts: [a('sms', 'sent')] })} />,
    );
    expect(screen.getByTitle(/not proof of delivery/)).toHaveTextContent(
      /^Sent — no delivery receipt/,
    );
  });
});

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

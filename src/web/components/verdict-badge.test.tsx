import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeAttempt as a, makeSession } from '../test-support/make-session.ts';
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

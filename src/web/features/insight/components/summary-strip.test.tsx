import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { charged, makeAttempt as a, makeSession } from '../../../test-support/make-session.ts';
import { SummaryStrip } from './summary-strip.tsx';

const sessions = [
  makeSession({ status: 'verified', attempts: [a('sms', 'delivered')], charges: charged('0.1') }),
  makeSession({
    status: 'expired',
    attempts: [a('sms', 'sent'), a('voice', 'ringing')],
    charges: charged('0.2'),
  }),
  makeSession({ status: 'in-progress', attempts: [a('sms', 'sent')], charges: charged(null, 'x') }),
  makeSession({ status: 'expired', attempts: [a('sms', 'failed')], charges: charged('0.00001') }),
];

const value = (term: string) => {
  const dt = screen.getByText(term, { selector: 'dt' });
  return dt.nextElementSibling?.textContent;
};

// No Vitest globals here, so Testing Library cannot unmount between tests by itself.
afterEach(cleanup);

describe('SummaryStrip', () => {
  it('shows each number over the loaded rows, money exact', () => {
    render(<SummaryStrip sessions={sessions} complete={false} loadedCount={4} hasMore />);
    expect(value('Sessions')).toBe('4');
    expect(value('Verified')).toBe('25.0 %');
    expect(value('Expired')).toBe('50.0 %');
    expect(value('In progress')).toBe('1');
    expect(value('Mean attempts')).toBe('1.25');
    expect(value('Needed a 2nd attempt')).toBe('25.0 %');
    expect(value('Fell back to voice')).toBe('25.0 %');
    expect(value('Total charge')).toBe('0.30001');
    expect(value('Spent on never-verified')).toBe('0.20001');
    expect(screen.getByRole('note')).toHaveTextContent('1 session with an unreadable charge');
  });

  it('says “of N loaded” while more match', () => {
    render(<SummaryStrip sessions={sessions} complete={false} loadedCount={4} hasMore />);
    const heading = screen.getByRole('heading', { name: /summary/i });
    expect(heading).toHaveTextContent('of 4 loaded — more match, not loaded yet');
    expect(heading).not.toHaveTextContent('complete');
  });

  it('says “complete” once every matching session is loaded', () => {
    render(<SummaryStrip sessions={sessions} complete loadedCount={4} hasMore={false} />);
    expect(screen.getByRole('heading', { name: /summary/i })).toHaveTextContent(
      'complete: all 4 matching sessions loaded',
    );
  });

  it('says how many rows a client-side filter kept', () => {
    render(
      <SummaryStrip sessions={sessions.slice(0, 1)} complete={false} loadedCount={40} hasMore />,
    );
    expect(screen.getByRole('heading', { name: /summary/i })).toHaveTextContent(
      '1 shown · of 40 loaded',
    );
  });

  it('shows dashes, not NaN, for no sessions', () => {
    const { container } = render(
      <SummaryStrip sessions={[]} complete loadedCount={0} hasMore={false} />,
    );
    expect(value('Verified')).toBe('—');
    expect(within(container).queryByText(/NaN/)).toBeNull();
    expect(screen.queryByRole('note')).toBeNull();
  });
});

import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StatusBadge } from './status-badge.tsx';

afterEach(cleanup);

describe('StatusBadge', () => {
  it('puts an icon and Plivo’s word beside the colour', () => {
    const { container } = render(<StatusBadge status="expired" />);
    const badge = container.querySelector('.status-badge');
    expect(badge).toHaveTextContent(/^expired$/);
    expect(badge).toHaveAttribute('title', 'Expired');
    expect(badge).toHaveStyle({ '--badge-color': 'var(--status-expired)' });
    expect(container.querySelector('[aria-hidden="true"]')).toHaveAttribute('data-icon', '×');
  });

  it('names a missing status and keeps an unknown one as Plivo sent it', () => {
    const { container } = render(
      <>
        <StatusBadge status={null} />
        <StatusBadge status="weird" />
      </>,
    );
    const badges = container.querySelectorAll('.status-badge');
    expect(badges[0]).toHaveTextContent(/^unknown$/);
    expect(badges[1]).toHaveTextContent(/^weird$/);
    expect(badges[1]).toHaveStyle({ '--badge-color': 'var(--status-unknown)' });
  });
});

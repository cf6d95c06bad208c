import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeAttempt as a, makeSession } from '../../../test-support/make-session.ts';
import { InsightSection, type ChartsFold } from './insight-section.tsx';

afterEach(cleanup);

const sessions = [makeSession({ status: 'verified', attempts: [a('sms', 'delivered')] })];

function renderFolded(charts: ChartsFold) {
  return render(
    <InsightSection
      sessions={sessions}
      complete
      loadedCount={1}
      hasMore={false}
      window={{ from: 0, to: 3_600_000 }}
      tz="utc"
      onStatusClick={() => undefined}
      onBucketClick={() => undefined}
      onSegmentClick={() => undefined}
      charts={charts}
    />,
  );
}

describe('InsightSection’s folded charts', () => {
  it('shows the summary but no chart while folded, and asks to unfold', async () => {
    const onChange = vi.fn<(shown: boolean) => void>();
    renderFolded({ shown: false, onChange });
    expect(screen.getByRole('heading', { name: /Summary/ })).toHaveTextContent('all 1 matching');
    expect(screen.queryByText('Loading charts…')).toBeNull();
    const toggle = screen.getByRole('button', { name: 'Show charts' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    expect(onChange).toHaveBeenCalledWith(true);
  });

  it('draws the charts when unfolded, and folds them on request', async () => {
    const onChange = vi.fn<(shown: boolean) => void>();
    renderFolded({ shown: true, onChange });
    expect(screen.getByRole('status')).toHaveTextContent('Loading charts…');
    await userEvent.click(screen.getByRole('button', { name: 'Hide charts' }));
    expect(onChange).toHaveBeenCalledWith(false);
  });
});

import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeAttempt as a, makeSession } from '../../../test-support/make-session.ts';
import { makeStats } from '../../../test-support/make-stats.ts';
import type { Segment } from '../lib/segments.ts';
import { InsightCharts } from './insight-charts.tsx';
import { InsightSection } from './insight-section.tsx';

afterEach(cleanup);

const t = (iso: string) => Date.parse(iso);
const window = { from: t('2026-11-27T10:00:00Z'), to: t('2026-11-27T11:00:00Z') };
const sessions = [
  makeSession({
    status: 'verified',
    country: 'IN',
    network: 'AirTel',
    createdAt: '2026-11-27T10:05:10.000000Z',
    attempts: [a('sms', 'delivered')],
  }),
  makeSession({
    status: 'expired',
    country: 'IN',
    createdAt: '2026-11-27T10:05:40.000000Z',
    attempts: [a('sms', 'sent'), a('voice', 'ringing')],
  }),
  makeSession({
    status: 'paused',
    country: null,
    createdAt: '2026-11-27T10:40:00.000000Z',
    attempts: [a('sms', 'failed')],
  }),
];

function renderCharts(tz = 'utc', indexFilters = true) {
  const handlers = {
    onStatusClick: vi.fn<(status: string) => void>(),
    onBucketClick: vi.fn<(from: number, to: number) => void>(),
    onSegmentClick: vi.fn<(segment: Segment) => void>(),
  };
  render(
    <InsightCharts
      sessions={sessions}
      window={window}
      tz={tz}
      indexFilters={indexFilters}
      {...handlers}
    />,
  );
  return handlers;
}

describe('InsightCharts (text and keyboard path; the drawing is checked in the browser)', () => {
  it('filters by a known status, and offers no filter for an unknown one', async () => {
    const { onStatusClick } = renderCharts();
    const list = screen.getByRole('list', { name: 'Filter by status' });
    await userEvent.click(within(list).getByRole('button', { name: /Expired 1/ }));
    expect(onStatusClick).toHaveBeenCalledWith('expired');
    expect(within(list).queryByRole('button', { name: /paused/ })).toBeNull();
    expect(within(list).getByText('“paused”')).toBeInTheDocument();
  });

  it('sets server filters from channel, verdict, country and network segments', async () => {
    const { onSegmentClick } = renderCharts();
    const channels = screen.getByRole('list', { name: 'Filter by channel' });
    await userEvent.click(within(channels).getByRole('button', { name: /Voice 1/ }));
    const verdicts = screen.getByRole('list', { name: 'Filter by verdict' });
    const button = within(verdicts).getByRole('button', { name: /Sent — no delivery receipt 1/ });
    expect(button.closest('li')).toHaveAttribute(
      'title',
      expect.stringMatching(/not proof of delivery/),
    );
    await userEvent.click(button);
    const countries = screen.getByRole('list', { name: 'Filter by country' });
    await userEvent.click(within(countries).getByRole('button', { name: /IN 2/ }));
    const networks = screen.getByRole('list', { name: 'Filter by network' });
    await userEvent.click(within(networks).getByRole('button', { name: /AirTel 1/ }));
    // "Unknown" is no value a server filter can ask for.
    expect(within(networks).queryByRole('button', { name: /Unknown/ })).toBeNull();
    expect(onSegmentClick.mock.calls).toEqual([
      [{ channel: 'voice' }],
      [{ verdict: 'sent_no_receipt' }],
      [{ country: 'IN' }],
      [{ network: 'AirTel' }],
    ]);
  });

  it('offers no index-only filter where the index does not cover the window', () => {
    renderCharts('utc', false);
    for (const name of ['Filter by channel', 'Filter by verdict', 'Filter by network']) {
      expect(within(screen.getByRole('list', { name })).queryByRole('button')).toBeNull();
    }
    // Country is Plivo's own filter: always offered.
    const countries = screen.getByRole('list', { name: 'Filter by country' });
    expect(within(countries).getByRole('button', { name: /IN 2/ })).toBeInTheDocument();
    expect(screen.getAllByText(/needs the session index/).length).toBeGreaterThanOrEqual(3);
  });

  it('zooms to a bucket from the table, in the display zone', async () => {
    const { onBucketClick } = renderCharts('Asia/Kolkata');
    expect(screen.getByText(/1 min buckets, times in Asia\/Kolkata\./)).toBeInTheDocument();
    await userEvent.click(screen.getByText(/Show the numbers \(2 non-empty buckets\)/));
    await userEvent.click(
      screen.getByRole('button', { name: 'Zoom to 27 Nov, 15:35 – 27 Nov, 15:36 Asia/Kolkata' }),
    );
    expect(onBucketClick).toHaveBeenCalledWith(
      t('2026-11-27T10:05:00Z'),
      t('2026-11-27T10:06:00Z'),
    );
  });
});

describe('InsightSection', () => {
  it('shows the summary at once and the charts after their chunk loads', async () => {
    render(
      <InsightSection
        sessions={sessions}
        complete={false}
        loadedCount={3}
        hasMore
        window={window}
        tz="utc"
        onStatusClick={() => undefined}
        onBucketClick={() => undefined}
        onSegmentClick={() => undefined}
      />,
    );
    expect(screen.getByRole('heading', { name: /Summary/ })).toHaveTextContent('of 3 loaded');
    expect(screen.getByRole('status')).toHaveTextContent('Loading charts…');
    expect(await screen.findByRole('heading', { name: 'Verdicts' })).toBeInTheDocument();
    expect(screen.queryByRole('status')).toBeNull();
  });
});

describe('InsightSection over the session index', () => {
  it('draws every number from /api/stats, not from the loaded rows', async () => {
    render(
      <InsightSection
        sessions={sessions}
        stats={makeStats()}
        indexFilters
        complete={false}
        loadedCount={3}
        hasMore
        window={{ from: t('2026-11-27T10:00:00Z'), to: t('2026-11-27T10:03:00Z') }}
        tz="utc"
        onStatusClick={() => undefined}
        onBucketClick={() => undefined}
        onSegmentClick={() => undefined}
      />,
    );
    expect(screen.getByRole('heading', { name: /Summary/ })).toHaveTextContent(
      'all 10 sessions — exact, from the session index',
    );
    const verdicts = await screen.findByRole('list', { name: 'Filter by verdict' });
    expect(
      within(verdicts).getByRole('button', { name: /Undelivered on all attempts 3/ }),
    ).toBeInTheDocument();
    const networks = screen.getByRole('list', { name: 'Filter by network' });
    expect(within(networks).getByRole('button', { name: /AirTel 5/ })).toBeInTheDocument();
  });
});

import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LoadAll } from '../hooks/use-load-all.ts';
import { LoadAllBar } from './load-all-bar.tsx';

const PROGRESS = {
  pages: 3,
  sessions: 60,
  elapsedMs: 12_000,
  etaMs: 7 * 60_000,
  fraction: 0.3,
  waitMs: 0,
};

function loadAll(overrides: Partial<LoadAll> = {}): LoadAll {
  const progress = overrides.progress ?? PROGRESS;
  return {
    phase: 'idle',
    error: null,
    progress,
    progressAt: () => progress,
    hasNextPage: true,
    perMinute: 20,
    start: vi.fn<() => void>(),
    confirm: vi.fn<() => void>(),
    dismiss: vi.fn<() => void>(),
    cancel: vi.fn<() => void>(),
    resume: vi.fn<() => void>(),
    ...overrides,
  };
}

// No Vitest globals here, so Testing Library cannot unmount between tests by itself.
afterEach(cleanup);

describe('LoadAllBar', () => {
  it('offers to load all with an estimate from the budget', async () => {
    const props = loadAll();
    render(<LoadAllBar loadAll={props} />);
    expect(screen.getByText('about 7 min at 20 pages a minute')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Load all matching' }));
    expect(props.start).toHaveBeenCalledOnce();
  });

  it('renders nothing when nothing more matches', () => {
    const { container } = render(<LoadAllBar loadAll={loadAll({ hasNextPage: false })} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('asks before a long load and can be dismissed', async () => {
    const props = loadAll({ phase: 'confirming' });
    render(<LoadAllBar loadAll={props} />);
    expect(screen.getByRole('group', { name: 'Confirm loading all matching' })).toHaveTextContent(
      'Loading everything will take about 7 min — 140 more pages at 20 a minute',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Load all' }));
    await userEvent.click(screen.getByRole('button', { name: 'Not now' }));
    expect(props.confirm).toHaveBeenCalledOnce();
    expect(props.dismiss).toHaveBeenCalledOnce();
  });

  it('shows progress with pages, sessions, elapsed and time left, and cancels', async () => {
    const props = loadAll({ phase: 'running' });
    render(<LoadAllBar loadAll={props} />);
    const bar = screen.getByRole('progressbar', { name: 'Loading all matching sessions' });
    expect(bar).toHaveAttribute('aria-valuenow', '30');
    expect(bar).toHaveAttribute('aria-valuemax', '100');
    expect(bar).toHaveAttribute(
      'aria-valuetext',
      'Loading: 3 pages, 60 sessions, 12 s elapsed, about 7 min left',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(props.cancel).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: 'Resume' })).toBeNull();
  });

  it('counts down a rate-limit wait', () => {
    const base = PROGRESS;
    render(
      <LoadAllBar loadAll={loadAll({ phase: 'waiting', progress: { ...base, waitMs: 11_600 } })} />,
    );
    expect(screen.getByText(/waiting 12 s for the Plivo rate limit/)).toBeInTheDocument();
  });

  it('omits aria-valuenow when the share done is unknown', () => {
    const base = PROGRESS;
    render(
      <LoadAllBar
        loadAll={loadAll({ phase: 'running', progress: { ...base, fraction: null, etaMs: null } })}
      />,
    );
    expect(screen.getByRole('progressbar')).not.toHaveAttribute('aria-valuenow');
    expect(screen.getByText(/time left unknown/)).toBeInTheDocument();
  });

  it('resumes after a cancel or a failure, showing the error', async () => {
    const props = loadAll({ phase: 'failed', error: 'The dashboard server could not be reached.' });
    render(<LoadAllBar loadAll={props} />);
    expect(screen.getByRole('alert')).toHaveTextContent('could not be reached');
    await userEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(props.resume).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('says when everything is loaded', () => {
    render(<LoadAllBar loadAll={loadAll({ phase: 'done', hasNextPage: false })} />);
    expect(screen.getByRole('progressbar')).toHaveAttribute(
      'aria-valuetext',
      'All matching sessions loaded: 3 pages, 60 sessions in 12 s',
    );
  });

  it('ticks its own clock while loading', async () => {
    vi.useFakeTimers();
    try {
      const started = Date.now();
      const props = loadAll({
        phase: 'running',
        progressAt: (now) => ({ ...PROGRESS, elapsedMs: now - started }),
      });
      render(<LoadAllBar loadAll={props} />);
      expect(screen.getByRole('progressbar')).toHaveAttribute(
        'aria-valuetext',
        expect.stringContaining('12 s elapsed'),
      );
      await act(() => vi.advanceTimersByTimeAsync(3_000));
      expect(screen.getByRole('progressbar')).toHaveAttribute(
        'aria-valuetext',
        expect.stringContaining('3 s elapsed'),
      );
    } finally {
      vi.useRealTimers();
    }
  });
});

import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveRefreshState } from '../lib/use-live-refresh.ts';
import { LiveToggle } from './live-toggle.tsx';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const NOW = Date.parse('2026-11-20T10:00:00Z');
const status = (extra: Partial<LiveRefreshState> = {}): LiveRefreshState => ({
  nextRefreshAt: NOW + 12_000,
  refreshing: false,
  paused: null,
  slowedBy: null,
  failures: 0,
  ...extra,
});

describe('LiveToggle', () => {
  it('is off by default and reports the switch', async () => {
    const onChange = vi.fn<(on: boolean) => void>();
    render(<LiveToggle enabled={false} onChange={onChange} intervalMs={30_000} />);
    const toggle = screen.getByRole('switch', { name: 'Live (every 30 s)' });
    expect(toggle).not.toBeChecked();
    await userEvent.setup().click(toggle);
    expect(onChange).toHaveBeenCalledWith(true);
  });

  it('counts down to the next refresh', async () => {
    vi.useFakeTimers({ now: NOW });
    const { container } = render(
      <LiveToggle enabled onChange={() => {}} intervalMs={30_000} status={status()} />,
    );
    const words = container.querySelector('.live-toggle__status');
    expect(words).toHaveTextContent('Next refresh in 12 s.');
    await act(async () => {
      vi.advanceTimersByTime(5000);
    });
    expect(words).toHaveTextContent('Next refresh in 7 s.');
  });

  it.each([
    [{ paused: 'hidden' as const, nextRefreshAt: null }, 'Paused while this tab is hidden.'],
    [{ refreshing: true, nextRefreshAt: null }, 'Refreshing…'],
    [
      { slowedBy: 'budget' as const },
      'Next refresh in 12 s (slowed to spare the shared Plivo budget).',
    ],
    [{ slowedBy: 'rate-limit' as const }, 'Next refresh in 12 s (slowed: Plivo rate limit).'],
  ])('%j → %s', (extra, words) => {
    vi.useFakeTimers({ now: NOW });
    const { container } = render(
      <LiveToggle enabled onChange={() => {}} intervalMs={30_000} status={status(extra)} />,
    );
    expect(container.querySelector('.live-toggle__status')).toHaveTextContent(words);
  });
});

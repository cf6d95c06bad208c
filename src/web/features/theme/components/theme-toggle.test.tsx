import { cleanup, render, renderHook, screen, act } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { THEME_STORAGE_KEY } from '../lib/theme.ts';
import { type ThemeChoice } from '../../../../contract/explorer-vocabulary.ts';
import { useTheme } from '../lib/use-theme.ts';
import { StoredThemeContext } from '../lib/stored-theme.ts';
import { ThemeToggle } from './theme-toggle.tsx';

afterEach(() => {
  cleanup();
  localStorage.clear();
  document.documentElement.removeAttribute('data-theme');
});

describe('ThemeToggle', () => {
  it('shows the current choice and reports a new one', async () => {
    const onChange = vi.fn<(choice: ThemeChoice) => void>();
    render(<ThemeToggle value="system" onChange={onChange} />);
    expect(screen.getByRole('radio', { name: 'System' })).toBeChecked();
    await userEvent.setup().click(screen.getByRole('radio', { name: 'Dark' }));
    expect(onChange).toHaveBeenCalledWith('dark');
  });
});

describe('useTheme', () => {
  it('applies the URL choice, and a new choice goes to the URL, storage and <html>', () => {
    const setParam = vi.fn<(value: string | null) => void>();
    const { result, rerender } = renderHook<ReturnType<typeof useTheme>, { url: string | null }>(
      ({ url }) => useTheme(url, setParam),
      { initialProps: { url: 'dark' } },
    );
    expect(result.current[0]).toBe('dark');
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    act(() => result.current[1]('light'));
    expect(setParam).toHaveBeenCalledWith('light');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('light');
    expect(document.documentElement).toHaveAttribute('data-theme', 'light');
    rerender({ url: null });
    // No URL param any more: the stored choice decides.
    expect(result.current[0]).toBe('light');
    act(() => result.current[1]('system'));
    expect(setParam).toHaveBeenLastCalledWith(null);
    expect(document.documentElement).not.toHaveAttribute('data-theme');
  });

  it('starts from the stored choice the render was given, so hydration matches the server', () => {
    const { result } = renderHook(() => useTheme(null, vi.fn()), {
      wrapper: ({ children }) => <StoredThemeContext value="dark">{children}</StoredThemeContext>,
    });
    expect(result.current[0]).toBe('dark');
  });
});

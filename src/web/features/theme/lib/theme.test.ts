import { afterEach, describe, expect, it } from 'vitest';
import { THEME_COOKIE } from '../../../../contract/prerender.ts';
import {
  SESSION_STATUSES,
  SMS_ATTEMPT_STATUSES,
  VOICE_ATTEMPT_STATUSES,
} from '../../../../contract/session.ts';
import { STATUS_TOKENS, statusVisual } from '../../../lib/status-palette.ts';
import {
  THEME_STORAGE_KEY,
  applyTheme,
  nextThemeChoice,
  readStoredTheme,
  resolveThemeChoice,
  storeTheme,
  themeParam,
} from './theme.ts';

afterEach(() => {
  localStorage.clear();
  document.documentElement.removeAttribute('data-theme');
});

describe('resolveThemeChoice', () => {
  it.each([
    [null, null, 'system'],
    ['dark', null, 'dark'],
    [null, 'light', 'light'],
    ['dark', 'light', 'dark'],
    ['DARK', null, 'dark'],
    ['purple', 'light', 'light'],
    ['purple', 'nonsense', 'system'],
    ['system', 'dark', 'system'],
  ])('url %s, stored %s → %s', (url, stored, expected) => {
    expect(resolveThemeChoice(url, stored)).toBe(expected);
  });
});

describe('persistence and the root attribute', () => {
  it('writes explicit choices and forgets "system"', () => {
    storeTheme('dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    expect(readStoredTheme()).toBe('dark');
    storeTheme('system');
    expect(readStoredTheme()).toBeNull();
  });

  it('tells the server’s pre-render of the next page through a cookie', () => {
    storeTheme('dark');
    expect(document.cookie).toContain(`${THEME_COOKIE}=dark`);
    storeTheme('system');
    expect(document.cookie).not.toContain(THEME_COOKIE);
  });

  it('sets data-theme only for an explicit choice, so CSS can follow the system', () => {
    applyTheme('dark');
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    applyTheme('system');
    expect(document.documentElement).not.toHaveAttribute('data-theme');
  });

  it('survives a storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    } as unknown as Storage;
    expect(readStoredTheme(broken)).toBeNull();
    expect(() => storeTheme('dark', broken)).not.toThrow();
  });

  it('keeps URLs short for the default and cycles through the choices', () => {
    expect(themeParam('system')).toBeNull();
    expect(themeParam('dark')).toBe('dark');
    expect([nextThemeChoice('system'), nextThemeChoice('light'), nextThemeChoice('dark')]).toEqual([
      'light',
      'dark',
      'system',
    ]);
  });
});

// That theme.css defines every variable named here is checked in a real browser
// (e2e/incident-theme.spec.ts): Vitest blanks `.css?raw` imports (vitest#10788).
describe('status palette', () => {
  it.each([
    ['verified', 'var(--status-verified)', '✓', 'Verified'],
    ['EXPIRED', 'var(--status-expired)', '×', 'Expired'],
    ['in-progress', 'var(--status-in-progress)', '…', 'In progress'],
    ['undelivered', 'var(--status-undelivered)', '!', 'Undelivered'],
    ['early media', 'var(--status-sent)', '→', 'Early media'],
    ['bounced', 'var(--status-unknown)', '?', 'Unknown (“bounced”)'],
    [null, 'var(--status-unknown)', '?', 'No status'],
  ])('%s → colour %s, icon %s, words %s', (status, color, icon, label) => {
    expect(statusVisual(status)).toEqual({ color, icon, label });
  });

  it('names one of the declared tokens for every known status', () => {
    // Every status the contract knows for sessions and attempts, plus one it does not.
    const statuses = [...SESSION_STATUSES, ...SMS_ATTEMPT_STATUSES, ...VOICE_ATTEMPT_STATUSES, 'x'];
    const tokens = statuses.map((s) => /var\(--status-([\w-]+)\)/.exec(statusVisual(s).color)?.[1]);
    expect(
      tokens.filter((t) => !(STATUS_TOKENS as readonly (string | undefined)[]).includes(t)),
    ).toEqual([]);
  });
});

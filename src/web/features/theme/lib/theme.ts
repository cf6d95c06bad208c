import {
  parseThemeChoice,
  THEME_CHOICES,
  type ThemeChoice,
} from '../../../../contract/explorer-vocabulary.ts';
import { THEME_COOKIE } from '../../../../contract/prerender.ts';

/**
 * Light / dark / system. The choice lives in the URL (`theme=dark`, so a link can ask for
 * it) and in localStorage (so it survives visits without a `theme` param); the URL wins.
 * "system" is the default and is written as *no* attribute, so theme.css can follow
 * `prefers-color-scheme` on its own, with no flash and no JavaScript listener. The choices
 * and their parsing are the contract's (the URL's view schema and the server's cookie read).
 */
export const THEME_STORAGE_KEY = 'otp-dashboard.theme';

/** URL first, then storage, then the system. Unknown values are ignored, not fatal. */
export function resolveThemeChoice(urlValue: string | null, stored: string | null): ThemeChoice {
  return parseThemeChoice(urlValue) ?? parseThemeChoice(stored) ?? 'system';
}

/** The `theme` URL param for a choice: none for system (the default keeps URLs short). */
export function themeParam(choice: ThemeChoice): ThemeChoice | null {
  return choice === 'system' ? null : choice;
}

export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement) {
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
}

/** localStorage can throw (privacy modes, full quota); the theme is not worth an error. */
export function readStoredTheme(
  storage: Storage | undefined = globalThis.localStorage,
): string | null {
  try {
    return storage?.getItem(THEME_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

export function storeTheme(
  choice: ThemeChoice,
  storage: Storage | undefined = globalThis.localStorage,
) {
  try {
    if (choice === 'system') storage?.removeItem(THEME_STORAGE_KEY);
    else storage?.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Not persisted; the URL still carries the choice.
  }
  if (typeof document !== 'undefined') reportThemeChoice(document, choice);
}

/**
 * Mirrors the stored choice in a cookie, so the server's pre-render of the next page is
 * already in that theme instead of flashing the system one until the app starts. Lax: links
 * are opened from tickets on other sites.
 */
export function reportThemeChoice(doc: Document, choice: ThemeChoice): void {
  doc.cookie =
    choice === 'system'
      ? `${THEME_COOKIE}=; path=/; max-age=0; samesite=lax`
      : `${THEME_COOKIE}=${choice}; path=/; max-age=31536000; samesite=lax`;
}

export function nextThemeChoice(choice: ThemeChoice): ThemeChoice {
  const i = THEME_CHOICES.indexOf(choice);
  return THEME_CHOICES[(i + 1) % THEME_CHOICES.length] ?? 'system';
}

/**
 * Light / dark / system. The choice lives in the URL (`theme=dark`, so a link can ask for
 * it) and in localStorage (so it survives visits without a `theme` param); the URL wins.
 * "system" is the default and is written as *no* attribute, so theme.css can follow
 * `prefers-color-scheme` on its own, with no flash and no JavaScript listener.
 */
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export const THEME_STORAGE_KEY = 'otp-dashboard.theme';

export function parseThemeChoice(value: string | null | undefined): ThemeChoice | null {
  const v = value?.trim().toLowerCase();
  return (THEME_CHOICES as readonly string[]).includes(v ?? '') ? (v as ThemeChoice) : null;
}

/** URL first, then storage, then the system. Unknown values are ignored, not fatal. */
export function resolveThemeChoice(urlValue: string | null, stored: string | null): ThemeChoice {
  return parseThemeChoice(urlValue) ?? parseThemeChoice(stored) ?? 'system';
}

/** The `theme` URL param for a choice: none for system (the default keeps URLs short). */
export function themeParam(choice: ThemeChoice): string | null {
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
}

export function nextThemeChoice(choice: ThemeChoice): ThemeChoice {
  const i = THEME_CHOICES.indexOf(choice);
  return THEME_CHOICES[(i + 1) % THEME_CHOICES.length] ?? 'system';
}

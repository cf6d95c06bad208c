import { useEffect, useState } from 'react';
import {
  applyTheme,
  readStoredTheme,
  resolveThemeChoice,
  storeTheme,
  themeParam,
} from './theme.ts';
import { type ThemeChoice } from '../../../../contract/explorer-vocabulary.ts';

/**
 * Keeps `<html data-theme>` and localStorage in step with the URL's `theme` param.
 * `setThemeParam` is the explorer's URL updater for that one param (null removes it).
 */
export function useTheme(
  urlValue: string | null,
  setThemeParam: (value: ThemeChoice | null) => void,
): [ThemeChoice, (choice: ThemeChoice) => void] {
  // Kept in state so choosing "system" (no URL param to change) still re-renders.
  const [stored, setStored] = useState(readStoredTheme);
  const choice = resolveThemeChoice(urlValue, stored);
  useEffect(() => applyTheme(choice), [choice]);
  const setChoice = (next: ThemeChoice) => {
    storeTheme(next);
    setStored(themeParam(next));
    setThemeParam(themeParam(next));
    // With no URL param, the stored value decides; apply now rather than on the next render.
    applyTheme(next);
  };
  return [choice, setChoice];
}

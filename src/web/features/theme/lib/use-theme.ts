import { useEffect, useState } from 'react';
import { applyTheme, resolveThemeChoice, storeTheme, themeParam } from './theme.ts';
import { useStoredTheme } from './stored-theme.ts';
import { type ThemeChoice } from '../../../../contract/explorer-vocabulary.ts';

/**
 * Keeps `<html data-theme>` and localStorage in step with the URL's `theme` param.
 * `setThemeParam` is the explorer's URL updater for that one param (null removes it).
 */
export function useTheme(
  urlValue: string | null,
  setThemeParam: (value: ThemeChoice | null) => void,
): [ThemeChoice, (choice: ThemeChoice) => void] {
  // A choice made here is kept in state, so choosing "system" (no URL param to change) still
  // re-renders; until then the stored choice the render started from.
  const startedFrom = useStoredTheme();
  const [chosen, setChosen] = useState<string | null | undefined>(undefined);
  const choice = resolveThemeChoice(urlValue, chosen === undefined ? startedFrom : chosen);
  useEffect(() => applyTheme(choice), [choice]);
  const setChoice = (next: ThemeChoice) => {
    storeTheme(next);
    setChosen(themeParam(next));
    setThemeParam(themeParam(next));
    // With no URL param, the stored value decides; apply now rather than on the next render.
    applyTheme(next);
  };
  return [choice, setChoice];
}

import { useEffect, useRef } from 'react';
import { shortcutFor } from './shortcuts.ts';

type ShortcutHandlers = Readonly<Record<string, (event: KeyboardEvent) => void>>;

/**
 * Binds single keys (by `KeyboardEvent.key`: "/", "y", "?", "j", "Enter", "Escape") on the
 * document. A handled key's default is prevented, so "/" focuses the search box without
 * also typing a slash into it. Handlers may change every render; the listener does not.
 */
function useShortcuts(handlers: ShortcutHandlers, enabled = true): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      const handler = shortcutFor(event, latest.current);
      if (!handler) return;
      event.preventDefault();
      handler(event);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}

type IncidentShortcutActions = {
  /** Focus the recipient search box (e.g. `() => searchRef.current?.focus()`). */
  focusSearch: () => void;
  /** Copy the share link (e.g. `copyText(buildShareLink({ href, now: Date.now() }))`). */
  copyLink: () => void;
  openHelp: () => void;
  /** The explorer's own keys (j/k/Enter/Escape…), bound alongside. */
  more?: ShortcutHandlers;
};

/** `/`, `y` and `?` from issue 7, plus whatever the explorer binds. */
export function useIncidentShortcuts(actions: IncidentShortcutActions, enabled = true): void {
  useShortcuts(
    {
      ...actions.more,
      '/': () => actions.focusSearch(),
      y: () => actions.copyLink(),
      '?': () => actions.openHelp(),
    },
    enabled,
  );
}

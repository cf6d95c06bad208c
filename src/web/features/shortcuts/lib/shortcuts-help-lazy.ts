import { lazyModule } from '../../../lib/lazy-module.ts';

/**
 * The `?` dialog in its own chunk: it is closed on every first screen, so its code loads
 * just after the page has rendered (the hook starts it), ready before anyone presses `?`.
 */
const shortcutsHelp = lazyModule(() => import('../components/shortcuts-help.tsx'));

/** The dialog's module once loaded (null until then). */
export const useShortcutsHelpModule = shortcutsHelp.useModule;

import { startTransition, StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import {
  applyTheme,
  readStoredTheme,
  reportThemeChoice,
  resolveThemeChoice,
} from '../features/theme/lib/theme.ts';
import '../styles/theme.css';
import '../styles/app.css';
import '../styles/print.css';
import { createQueryClient } from '../lib/query-client.ts';
import { whenIdle } from '../lib/when-idle.ts';
import { App } from './app.tsx';
import { type EarlyInput, replayEarlyInput, takeEarlyInput } from './early-input.ts';
import { restoreInlineStyles } from './inline-styles.ts';
import { loadFirstScreenModules, prefetchExplorer } from './prefetch-explorer.ts';
import { reportViewerZone, seedFromPrerender } from './prerender-boot.ts';

// Before the first render, so a stored or linked dark theme never flashes light.
const storedTheme = readStoredTheme();
applyTheme(resolveThemeChoice(new URLSearchParams(location.search).get('theme'), storedTheme));
// Also for a choice stored before the server could be told of it (see reportThemeChoice).
reportThemeChoice(document, resolveThemeChoice(null, storedTheme));

const queryClient = createQueryClient();
// A page the server pre-rendered brings its first page of sessions along, and what it was
// rendered with; otherwise that call is started before React renders: it is the critical path.
const prerendered = seedFromPrerender(queryClient, document, location);
if (!prerendered) prefetchExplorer(queryClient, location);

/** When the page started answering input: read by `npm run bench` (deep link → interactive). */
const markInteractive = () => void performance.mark('app-interactive');

/**
 * Tells the server this browser's zone, for the next visit's pre-render. At an idle moment
 * once the app runs: reading the zone starts Intl (~80 ms on a slow machine), which nothing
 * before then needs.
 */
const reportZoneLater = () => void whenIdle(() => reportViewerZone(document));

/**
 * Once the app has rendered and bound its handlers: kept clicks are replayed at once; the
 * choices and keys index.html still keeps, in a task of their own, because each is an edit
 * React must apply before the next and it defers those while its effects run. Input until
 * then is still kept by index.html, so none is lost or handled twice.
 */
function onReady(clicks: EarlyInput[]): void {
  markInteractive();
  reportZoneLater();
  replayEarlyInput(clicks.splice(0));
  setTimeout(() => replayEarlyInput(takeEarlyInput('rest')));
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

if (prerendered) {
  // The first screen's code-split parts first, so hydration does not stop at them.
  void loadFirstScreenModules(location.search).finally(() => {
    restoreInlineStyles(document);
    // Kept clicks are handed over as hydration starts: React replays those that come later.
    const clicks = takeEarlyInput('clicks');
    // In a transition, React hydrates in slices of a few milliseconds and yields to the
    // browser between them, rather than in one long task; a click that comes meanwhile
    // hydrates the part clicked at once. Choices and keys are still kept by index.html until
    // the app's handlers are bound (onReady), so none falls between the two.
    startTransition(() => {
      hydrateRoot(
        root,
        <StrictMode>
          <App client={queryClient} hydrateFrom={prerendered} onReady={() => onReady(clicks)} />
        </StrictMode>,
        {
          // React recovers by rendering afresh; said once in the console, for whoever looks.
          onRecoverableError: (error) => console.error('hydration:', error),
        },
      );
    });
  });
} else {
  // Nothing to hydrate (no pre-render, or one for another clock or query): render afresh.
  // Kept clicks and choices were on markup this render replaces (the replay skips choices
  // for that reason); keys were not.
  takeEarlyInput('clicks');
  createRoot(root).render(
    <StrictMode>
      <App client={queryClient} onReady={() => onReady([])} />
    </StrictMode>,
  );
}

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
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
import { App } from './app.tsx';
import { loadFirstScreenModules, prefetchExplorer } from './prefetch-explorer.ts';
import { reportViewerZone, seedFromPrerender } from './prerender-boot.ts';

// Before the first render, so a stored or linked dark theme never flashes light.
const storedTheme = readStoredTheme();
applyTheme(resolveThemeChoice(new URLSearchParams(location.search).get('theme'), storedTheme));
// Also for a choice stored before the server could be told of it (see reportThemeChoice).
reportThemeChoice(document, resolveThemeChoice(null, storedTheme));
reportViewerZone(document);

const queryClient = createQueryClient();
// A page the server pre-rendered brings its first page of sessions along; otherwise that call
// is started before React renders: it is the critical path.
const seeded = seedFromPrerender(queryClient, document, location);
if (!seeded) prefetchExplorer(queryClient, location);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const render = () =>
  createRoot(root).render(
    <StrictMode>
      <App client={queryClient} />
    </StrictMode>,
  );
// React replaces the pre-rendered rows in its first commit: wait for the table's code, so
// that commit has rows too and the page never flashes back to a skeleton.
if (seeded) void loadFirstScreenModules(location.search).finally(render);
else render();

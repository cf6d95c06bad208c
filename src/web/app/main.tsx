import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyTheme, readStoredTheme, resolveThemeChoice } from '../features/theme/lib/theme.ts';
import '../styles/theme.css';
import '../styles/app.css';
import '../styles/print.css';
import { createQueryClient } from '../lib/query-client.ts';
import { App } from './app.tsx';
import { prefetchExplorer } from './prefetch-explorer.ts';

// Before the first render, so a stored or linked dark theme never flashes light.
applyTheme(
  resolveThemeChoice(new URLSearchParams(location.search).get('theme'), readStoredTheme()),
);

// The first page of sessions is requested before React renders: it is the critical path.
const queryClient = createQueryClient();
prefetchExplorer(queryClient, location);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App client={queryClient} />
  </StrictMode>,
);

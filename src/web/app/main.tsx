import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyTheme, readStoredTheme, resolveThemeChoice } from '../features/theme/lib/theme.ts';
import '../styles/theme.css';
import '../styles/app.css';
import '../styles/print.css';
import { App } from './app.tsx';

// Before the first render, so a stored or linked dark theme never flashes light.
applyTheme(
  resolveThemeChoice(new URLSearchParams(location.search).get('theme'), readStoredTheme()),
);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

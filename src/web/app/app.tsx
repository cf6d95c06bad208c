import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { SkeletonRows } from '../components/skeleton-rows.tsx';
import { createQueryClient } from '../lib/query-client.ts';
import { ExplorerPage } from './explorer-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { SimulatorBanner } from './simulator-banner.tsx';

// The session page is opened less often than the explorer: keep it out of the first load.
const SessionPage = lazy(() =>
  import('./session-page.tsx').then((module) => ({ default: module.SessionPage })),
);

export function AppRoutes() {
  return (
    <>
      <SimulatorBanner />
      <Routes>
        <Route path="/" element={<ExplorerPage />} />
        <Route
          path="/sessions/:session_uuid"
          element={
            <Suspense fallback={<SkeletonRows count={6} label="Loading session" />}>
              <SessionPage />
            </Suspense>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}

/** Everything around the routes but the router: the browser and the pre-render differ there. */
export function AppProviders({ client, children }: { client: QueryClient; children: ReactNode }) {
  return (
    <ErrorBoundary>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </ErrorBoundary>
  );
}

/** `client`: one made (and perhaps already fetching) before the first render, see main.tsx. */
export function App({ client }: { client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  return (
    <AppProviders client={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  );
}

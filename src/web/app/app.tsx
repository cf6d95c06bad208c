import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import {
  lazy,
  startTransition,
  Suspense,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { SkeletonRows } from '../components/skeleton-rows.tsx';
import type { RenderEnvironment, ServerFacts } from '../../contract/prerender.ts';
import { PageOriginContext, ServerFactsContext } from '../lib/server-facts.ts';
import { StoredThemeContext } from '../features/theme/lib/stored-theme.ts';
import { readStoredTheme } from '../features/theme/lib/theme.ts';
import { PrerenderingContext } from '../lib/prerendering.ts';
import { createQueryClient } from '../lib/query-client.ts';
import { browserTimeZone } from '../lib/time-zone.ts';
import { ViewerZoneContext } from '../lib/viewer-zone.ts';
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

type ProvidersProps = {
  client: QueryClient;
  environment: RenderEnvironment;
  /** True for the server's render, and for the browser's render that hydrates it. */
  prerendering: boolean;
  children: ReactNode;
};

/** Everything around the routes but the router: the browser and the pre-render differ there. */
export function AppProviders({ client, environment, prerendering, children }: ProvidersProps) {
  return (
    <ErrorBoundary>
      <QueryClientProvider client={client}>
        <PrerenderingContext value={prerendering}>
          <ViewerZoneContext value={environment.viewerZone}>
            <StoredThemeContext value={environment.storedTheme}>
              <ServerFactsContext value={environment.server}>
                <PageOriginContext value={environment.origin}>{children}</PageOriginContext>
              </ServerFactsContext>
            </StoredThemeContext>
          </ViewerZoneContext>
        </PrerenderingContext>
      </QueryClientProvider>
    </ErrorBoundary>
  );
}

/** This browser's own zone, stored theme and origin; the server's facts as far as known. */
function ownEnvironment(server: ServerFacts | null): RenderEnvironment {
  return {
    viewerZone: browserTimeZone(),
    storedTheme: readStoredTheme(),
    server,
    origin: location.origin,
  };
}

type AppProps = {
  /** One made (and perhaps already fetching) before the first render, see main.tsx. */
  client?: QueryClient;
  /**
   * When hydrating the server's pre-render: what the server rendered with. The first render
   * matches the server's markup; the next moves to this browser's own zone and theme (times
   * repaint once if the server guessed another zone) and to the full, non-prerendered view.
   */
  hydrateFrom?: RenderEnvironment;
  /**
   * Called once, after the first commit: the page answers input from here on (when hydrating,
   * the pre-render is hydrated).
   */
  onReady?: () => void;
};

export function App({ client, hydrateFrom, onReady }: AppProps) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  // False for the render that hydrates the server's markup; true from the render after,
  // which React does in a transition: in slices, rather than one long task that would hold
  // up input right after hydrating (it re-renders every time, in the viewer's zone).
  const [hydrated, setHydrated] = useState(hydrateFrom === undefined);
  useEffect(() => {
    if (!hydrated) startTransition(() => setHydrated(true));
  }, [hydrated]);
  const matchServer = hydrateFrom !== undefined && !hydrated;
  // This browser's zone and theme are read only after hydrating: the first read of the zone
  // starts Intl (~80 ms on a slow machine), which the server's render does not need.
  const environment = useMemo(
    () => (matchServer && hydrateFrom ? hydrateFrom : ownEnvironment(hydrateFrom?.server ?? null)),
    [matchServer, hydrateFrom],
  );
  useEffect(() => onReady?.(), [onReady]);
  return (
    <AppProviders client={queryClient} environment={environment} prerendering={matchServer}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  );
}

import { createContext, useContext, useMemo } from 'react';
import { displayZone, type DisplayZone } from './time-zone.ts';

/**
 * The zone `tz=local` stands for. Given to the server's pre-render (the zone the browser
 * reported last time, in a cookie) and to the browser's first render alike, so hydration sees
 * the same times the server wrote; the browser then moves to its own zone (main.tsx), which
 * repaints times once on a first visit from a new zone.
 */
export const ViewerZoneContext = createContext('UTC');

export function useViewerZone(): string {
  return useContext(ViewerZoneContext);
}

/** The zone and label for the URL's `tz` on this viewer's screen. */
export function useDisplayZone(tz: string): DisplayZone {
  const viewerZone = useViewerZone();
  return useMemo(() => displayZone(tz, viewerZone), [tz, viewerZone]);
}

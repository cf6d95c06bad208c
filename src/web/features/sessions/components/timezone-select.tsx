import { useId, useMemo } from 'react';
import { usePrerendering } from '../../../lib/prerendering.ts';
import { isValidTimeZone } from '../../../../contract/time-zone.ts';
import { useViewerZone } from '../../../lib/viewer-zone.ts';
import { useIdleReady } from '../../../lib/when-idle.ts';

type Props = { tz: string; onChange: (tz: string) => void };

/** Zones support staff ask for most, first; browsers list some under old names (Calcutta). */
const COMMON = [
  'America/Los_Angeles',
  'America/New_York',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Berlin',
  'Africa/Lagos',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Sydney',
];

function zoneNames(): string[] {
  let all: string[] = [];
  try {
    all = Intl.supportedValuesOf('timeZone');
  } catch {
    // Older browsers: the common zones are still offered.
  }
  const common = COMMON.filter(isValidTimeZone);
  return [...common, ...all.filter((z) => !common.includes(z))];
}

const allZones = () => zoneNames().filter((z) => z !== 'UTC');

/** Display zone for every timestamp: UTC by default, the browser's, or any IANA zone. */
export function TimezoneSelect({ tz, onChange }: Props) {
  const id = useId();
  const prerendering = usePrerendering();
  const viewerZone = useViewerZone();
  // The ~420 zones of the list come at the first idle moment after the page is hydrated (or
  // first rendered): adding them is ~25 ms of DOM work a 2-core machine would otherwise do in
  // hydration's task. Until then the list holds the chosen zone, as the server rendered it.
  const idle = useIdleReady();
  const full = idle && !prerendering;
  const zones = useMemo(() => {
    if (tz === 'utc' || tz === 'local') return full ? allZones() : [];
    if (!full) return [tz];
    const names = allZones();
    return names.includes(tz) ? names : [tz, ...names];
  }, [tz, full]);
  return (
    <div className="field">
      <label htmlFor={id}>Time zone</label>
      <select id={id} value={tz} onChange={(event) => onChange(event.target.value)}>
        <option value="utc">UTC</option>
        <option value="local">Local ({viewerZone})</option>
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </select>
    </div>
  );
}

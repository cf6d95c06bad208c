import { useId, useMemo } from 'react';
import { isValidTimeZone, resolveTimeZone } from '../../../lib/time-format.ts';

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

/** Display zone for every timestamp: UTC by default, the browser's, or any IANA zone. */
export function TimezoneSelect({ tz, onChange }: Props) {
  const id = useId();
  const zones = useMemo(() => {
    const names = zoneNames().filter((z) => z !== 'UTC');
    return tz !== 'utc' && tz !== 'local' && !names.includes(tz) ? [tz, ...names] : names;
  }, [tz]);
  return (
    <div className="field">
      <label htmlFor={id}>Time zone</label>
      <select id={id} value={tz} onChange={(event) => onChange(event.target.value)}>
        <option value="utc">UTC</option>
        <option value="local">Local ({resolveTimeZone('local')})</option>
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </select>
    </div>
  );
}

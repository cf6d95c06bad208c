import type { Change, Ratio } from '../../../../contract/changes.ts';
import type { BaselineKind } from '../../../../contract/baselines.ts';
import { instantToMs } from '../../../../contract/time.ts';
import type { Filters } from '../../../../contract/explorer-vocabulary.ts';
import { wallClock } from '../../../lib/time-zone.ts';

/**
 * "What changed" in plain words: "SMS to IN · AirTel: 100 % undelivered 10:20–10:55 (10 of 10
 * sessions); the 24 hours before: 3 % (5 of 176)". Times in the display zone.
 */
export type ChangeLine = {
  /** Who: "SMS to IN · AirTel", "IN · Jio", "App 31e7…". */
  who: string;
  /** What, with the numbers. */
  text: string;
  /** The URL filters that select the segment. */
  filters: Filters;
};

const percent = (r: Ratio) => (r.of ? `${Math.round((r.count / r.of) * 1000) / 10} %` : '—');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function segmentName(c: Change): string {
  if (c.dimension === 'channel')
    return c.key === 'sms' ? 'SMS' : c.key === 'voice' ? 'Voice' : (c.key ?? 'Unknown channel');
  if (c.dimension === 'app') return `App ${c.key ?? 'unknown'}`;
  return c.key ?? 'Unknown';
}

export function segmentFilters(c: Change): Filters {
  if (c.dimension === 'country_network') {
    return {
      ...(c.country ? { country: c.country } : {}),
      ...(c.network ? { network: c.network } : {}),
    };
  }
  if (!c.key) return {};
  if (c.dimension === 'country') return { country: c.key };
  if (c.dimension === 'network') return { network: c.key };
  if (c.dimension === 'channel') return { channel: c.key };
  return { app_uuid: c.key };
}

/** "10:20–10:55", with the day when the span is not within one day of the zone. */
export function spanWords(fromMs: number, toMs: number, zone: string): string {
  const a = wallClock(fromMs, zone);
  const b = wallClock(toMs, zone);
  const sameDay = a.year === b.year && a.month === b.month && a.day === b.day;
  const time = (p: typeof a) => `${p.hour}:${p.minute}`;
  const date = (p: typeof a) => `${p.year}-${p.month}-${p.day} `;
  return sameDay ? `${time(a)}–${time(b)}` : `${date(a)}${time(a)} – ${date(b)}${time(b)}`;
}

/** "the 24 hours before", "the same hours a day earlier": how a sentence names its baseline. */
export function baselineWords(kind: BaselineKind, fromMs: number, toMs: number): string {
  if (kind === 'day') return 'the same hours a day earlier';
  if (kind === 'week') return 'the same hours a week earlier';
  const minutes = Math.round((toMs - fromMs) / 60_000);
  const length =
    minutes % 1440 === 0
      ? plural(minutes / 1440, 'day')
      : minutes % 60 === 0
        ? plural(minutes / 60, 'hour')
        : plural(minutes, 'minute');
  return `the ${length.replace(/^1 /, '')} before`;
}

const MEASURE_WORDS = {
  sms_undelivered: { verb: 'undelivered', noun: 'sessions with SMS' },
  voice_unanswered: { verb: 'unanswered', noun: 'sessions with calls' },
  failed: { verb: 'never verified', noun: 'finished sessions' },
} as const;

export function changeLine(c: Change, before: string, zone: string): ChangeLine {
  const name = segmentName(c);
  const filters = segmentFilters(c);
  if (c.measure === 'volume') {
    const dir =
      c.window.count >= c.baseline.count * (c.window.of / Math.max(1, c.baseline.of))
        ? 'more'
        : 'fewer';
    return {
      who: name,
      filters,
      text: `${dir} sessions: ${plural(c.window.count, 'session')} (${percent(c.window)} of all); ${before}: ${c.baseline.count} (${percent(c.baseline)} of all)`,
    };
  }
  const words = MEASURE_WORDS[c.measure];
  const who =
    c.measure === 'sms_undelivered'
      ? `SMS to ${name}`
      : c.measure === 'voice_unanswered'
        ? `Calls to ${name}`
        : name;
  const span = c.span;
  const where = span
    ? `${percent(span)} ${words.verb} ${spanWords(instantToMs(span.from), instantToMs(span.to), zone)} (${span.count} of ${plural(span.of, 'session')})${span.of === c.window.of ? '' : `, ${percent(c.window)} over the window (${c.window.count} of ${c.window.of})`}`
    : `${percent(c.window)} ${words.verb} (${c.window.count} of ${c.window.of} ${words.noun})`;
  return {
    who,
    filters,
    text: `${where}; ${before}: ${percent(c.baseline)} (${c.baseline.count} of ${c.baseline.of})`,
  };
}

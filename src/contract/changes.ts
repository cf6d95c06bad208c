import { z } from './zod.ts';
import { BASELINES, type BaselineKind } from './baselines.ts';
import { binomialTwoSided, fisherGreater } from './exact-tests.ts';

/**
 * "What changed": which segments of a window moved against a baseline window, named only when
 * the move is larger than chance explains. Pure: the server counts (column-changes.ts), this
 * decides, and the tables in changes.test.ts pin it down.
 *
 * Per segment and window the counts are over sessions that finished (status not in-progress:
 * a session still running has no outcome yet):
 * - failed: the verdict is of the bad tone (never verified: expired, undelivered, …);
 * - SMS undelivered: it had SMS attempts and none was delivered, one at least undelivered or
 *   failed (`sent` without a receipt is no proof either way and does not count as failed);
 * - voice unanswered: it had calls and none was answered or completed;
 * - volume: its sessions as a share of all the window's sessions (so a quieter hour of the
 *   day does not look like an outage).
 */
const CHANGE_DIMENSIONS = ['country_network', 'network', 'country', 'channel', 'app'] as const;
export type ChangeDimension = (typeof CHANGE_DIMENSIONS)[number];
const CHANGE_MEASURES = ['sms_undelivered', 'voice_unanswered', 'failed', 'volume'] as const;
type ChangeMeasure = (typeof CHANGE_MEASURES)[number];

/**
 * The thresholds. A share is compared only when the window has at least MIN_SESSIONS
 * sessions it applies to (fewer cannot show a change beyond chance) and the baseline at least
 * one; it is named when it rose by MIN_RISE or more, with at least MIN_FAILURES failures, and
 * a one-sided Fisher exact test puts it beyond chance. Volume is compared when either window
 * has MIN_VOLUME sessions of the segment, and named when its share of all sessions doubled
 * or halved beyond chance (two-sided exact binomial test). Chance: Bonferroni over every
 * comparison made, so a window with no real change names anything at most FAMILY_ALPHA of
 * the time.
 */
export const CHANGE_THRESHOLDS = {
  MIN_SESSIONS: 8,
  MIN_FAILURES: 3,
  MIN_RISE: 0.1,
  MIN_VOLUME: 20,
  VOLUME_RATIO: 2,
  FAMILY_ALPHA: 0.05,
  MAX_CHANGES: 5,
} as const;

const count = z.int().check(z.nonnegative());
const tallySchema = z.object({
  sessions: count,
  finished: count,
  failed: count,
  sms: count,
  smsUndelivered: count,
  voice: count,
  voiceUnanswered: count,
});
export type Tally = z.infer<typeof tallySchema>;
export const EMPTY_TALLY: Tally = {
  sessions: 0,
  finished: 0,
  failed: 0,
  sms: 0,
  smsUndelivered: 0,
  voice: 0,
  voiceUnanswered: 0,
};

const segmentFields = {
  dimension: z.enum(CHANGE_DIMENSIONS),
  /** Country code, network, "IN · AirTel", channel or app UUID; null when Plivo gave none. */
  key: z.nullable(z.string()),
  country: z.nullable(z.string()),
  network: z.nullable(z.string()),
};
export type SegmentTally = {
  dimension: ChangeDimension;
  key: string | null;
  country: string | null;
  network: string | null;
  tally: Tally;
};
export type WindowTallies = { total: Tally; segments: SegmentTally[] };

const ratio = z.object({ count, of: count });
export type Ratio = z.infer<typeof ratio>;
const changeSchema = z.object({
  ...segmentFields,
  measure: z.enum(CHANGE_MEASURES),
  window: ratio,
  baseline: ratio,
  pValue: z.number(),
  /**
   * Where in the window the segment's failures sit (its buckets with a share at least halfway
   * from the baseline's to the window's), with the counts inside it; null for volume.
   */
  span: z.nullable(z.object({ from: z.string(), to: z.string(), count, of: count })),
});
export type Change = z.infer<typeof changeSchema>;
export type NamedChange = Omit<Change, 'span'>;

export const changesSchema = z.object({
  meta: z.object({
    source: z.literal('index'),
    asOf: z.nullable(z.string()),
    window: z.object({ from: z.string(), to: z.string() }),
    baseline: z.object({ from: z.string(), to: z.string(), kind: z.enum(BASELINES) }),
  }),
  totals: z.object({ window: tallySchema, baseline: tallySchema }),
  /** How many comparisons were made (the Bonferroni family). */
  tested: count,
  changes: z.array(changeSchema),
});
export type Changes = z.infer<typeof changesSchema>;

type Part = { count: number; of: number };
const MEASURE_PARTS: Record<Exclude<ChangeMeasure, 'volume'>, (t: Tally) => Part> = {
  sms_undelivered: (t) => ({ count: t.smsUndelivered, of: t.sms }),
  voice_unanswered: (t) => ({ count: t.voiceUnanswered, of: t.voice }),
  failed: (t) => ({ count: t.failed, of: t.finished }),
};
/** The share a measure reads from a tally (volume: sessions, of the window's total). */
export function measurePart(measure: ChangeMeasure, tally: Tally, total: Tally): Part {
  return measure === 'volume'
    ? { count: tally.sessions, of: total.sessions }
    : MEASURE_PARTS[measure](tally);
}

const share = (p: Part) => (p.of === 0 ? 0 : p.count / p.of);
const id = (s: { dimension: string; key: string | null }) => `${s.dimension}\u0000${s.key}`;

type Candidate = NamedChange & { effect: number; rate: boolean };

/** The changes worth naming, strongest first (see CHANGE_THRESHOLDS), and the family size. */
export function deriveChanges(
  window: WindowTallies,
  baseline: WindowTallies,
): { changes: NamedChange[]; tested: number } {
  const T = CHANGE_THRESHOLDS;
  const before = new Map(baseline.segments.map((s) => [id(s), s.tally]));
  const candidates: Candidate[] = [];
  let tested = 0;
  const compare = (s: SegmentTally, measure: ChangeMeasure, b: Tally) => {
    const w = measurePart(measure, s.tally, window.total);
    const was = measurePart(measure, b, baseline.total);
    const { dimension, key, country, network } = s;
    const base = { dimension, key, country, network, measure, window: w, baseline: was };
    if (measure === 'volume') {
      if (Math.max(w.count, was.count) < T.MIN_VOLUME || !w.of || !was.of) return;
      tested++;
      const change = share(w) / Math.max(share(was), Number.MIN_VALUE);
      if (change < T.VOLUME_RATIO && change > 1 / T.VOLUME_RATIO) return;
      // Given the segment's sessions in both windows, how many fall in this one by chance.
      const p0 = w.of / (w.of + was.of);
      const pValue = binomialTwoSided(w.count, w.count + was.count, p0);
      candidates.push({ ...base, pValue, effect: Math.abs(Math.log2(change)), rate: false });
      return;
    }
    if (w.of < T.MIN_SESSIONS || was.of === 0) return;
    tested++;
    const rise = share(w) - share(was);
    if (rise < T.MIN_RISE || w.count < T.MIN_FAILURES) return;
    const pValue = fisherGreater(w.count, w.of, was.count, was.of);
    candidates.push({ ...base, pValue, effect: rise, rate: true });
  };
  for (const s of window.segments) {
    const b = before.get(id(s)) ?? EMPTY_TALLY;
    for (const measure of CHANGE_MEASURES) {
      // A channel's delivery share says no more than the total's: compared by outcome only.
      const delivery = measure === 'sms_undelivered' || measure === 'voice_unanswered';
      if (s.dimension === 'channel' && delivery) continue;
      compare(s, measure, b);
    }
  }
  // Volume that vanished: a segment in the baseline with no sessions in the window.
  const now = new Set(window.segments.map(id));
  for (const s of baseline.segments) {
    if (!now.has(id(s))) compare({ ...s, tally: EMPTY_TALLY }, 'volume', s.tally);
  }
  const limit = T.FAMILY_ALPHA / Math.max(1, tested);
  const named = candidates
    .filter((c) => c.pValue < limit)
    .sort(
      (a, b) =>
        Number(b.rate) - Number(a.rate) ||
        b.effect - a.effect ||
        a.pValue - b.pValue ||
        // The most specific segment first: IN · AirTel before AirTel with the same numbers.
        CHANGE_DIMENSIONS.indexOf(a.dimension) - CHANGE_DIMENSIONS.indexOf(b.dimension),
    );
  return { changes: pickSegments(named, limit), tested };
}

/** Whether a move is beyond chance at the family's limit (as in deriveChanges). */
function beyondChance(measure: ChangeMeasure, w: Part, b: Part, limit: number): boolean {
  if (w.of <= 0 || b.of <= 0) return false;
  if (measure !== 'volume') return fisherGreater(w.count, w.of, b.count, b.of) < limit;
  return binomialTwoSided(w.count, w.count + b.count, w.of / (w.of + b.of)) < limit;
}

/**
 * One line per segment (its strongest move), at most MAX_CHANGES. A country or network is
 * left out when, without the pairs inside it that moved the same way (IN · AirTel inside IN
 * and inside AirTel), its move is no longer beyond chance: the pair moved, not the rest.
 */
function pickSegments(named: readonly Candidate[], limit: number): NamedChange[] {
  const out: NamedChange[] = [];
  const seen = new Set<string>();
  // Volume keeps its denominator (all sessions): only the segment's own count is taken out.
  const minus = (m: ChangeMeasure, a: Part, b: Part) => ({
    count: a.count - b.count,
    of: m === 'volume' ? a.of : a.of - b.of,
  });
  for (const c of named) {
    if (seen.has(id(c)) || out.length >= CHANGE_THRESHOLDS.MAX_CHANGES) continue;
    const inside = named.filter(
      (o) =>
        o.dimension === 'country_network' &&
        o.measure === c.measure &&
        ((c.dimension === 'network' && o.network === c.network) ||
          (c.dimension === 'country' && o.country === c.country)),
    );
    let [w, b] = [c.window, c.baseline];
    for (const o of inside)
      [w, b] = [minus(c.measure, w, o.window), minus(c.measure, b, o.baseline)];
    if (inside.length && !beyondChance(c.measure, w, b, limit)) continue;
    seen.add(id(c));
    const { effect: _effect, rate: _rate, ...change } = c;
    out.push(change);
  }
  return out;
}

/** Window-level bucket counts of one named change's measure, for its span. */
export type SpanBucket = { startMs: number; endMs: number; count: number; of: number };

/**
 * The part of the window where a named rate change sits: from the first to the last bucket
 * whose share is at least halfway from the baseline's to the window's (and has a failure),
 * with the counts inside that span. Null when no bucket qualifies.
 */
export function failingSpan(
  buckets: readonly SpanBucket[],
  windowShare: number,
  baselineShare: number,
): { fromMs: number; toMs: number; count: number; of: number } | null {
  const bar = (windowShare + baselineShare) / 2;
  const hot = buckets.filter((b) => b.count > 0 && b.of > 0 && b.count / b.of >= bar);
  const first = hot[0];
  const last = hot.at(-1);
  if (!first || !last) return null;
  const inside = buckets.filter((b) => b.startMs >= first.startMs && b.endMs <= last.endMs);
  return {
    fromMs: first.startMs,
    toMs: last.endMs,
    count: inside.reduce((n, b) => n + b.count, 0),
    of: inside.reduce((n, b) => n + b.of, 0),
  };
}

const DAY_US = 86_400_000_000;
/**
 * A `previous` baseline is at least this long: an 80-minute window's 80 minutes before hold
 * a dozen sessions of a carrier, too few to tell a change from chance, while a day's sessions
 * pin its usual failure share down. Shares (not counts) are compared, so lengths may differ.
 */
const MIN_PREVIOUS_US = DAY_US;

/**
 * The baseline for a window (inclusive microsecond bounds): `previous`, the time just before
 * it, as long as the window and at least MIN_PREVIOUS_US; `day` and `week`, the same hours a
 * day or a week earlier (the same time of day, so no daily rhythm in between).
 */
export function baselineWindow(
  window: { fromUs: number; toUs: number },
  kind: BaselineKind,
): { fromUs: number; toUs: number } {
  const length = window.toUs - window.fromUs + 1;
  if (kind === 'previous') {
    return { fromUs: window.fromUs - Math.max(length, MIN_PREVIOUS_US), toUs: window.fromUs - 1 };
  }
  const shift = kind === 'day' ? DAY_US : 7 * DAY_US;
  return { fromUs: window.fromUs - shift, toUs: window.toUs - shift };
}

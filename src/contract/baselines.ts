/**
 * What "What changed" compares a window with (changes.ts, `baselineWindow`). Apart from the
 * comparison: the explorer's URL names a baseline on every first screen, while the
 * comparison's schema and sentences load only with the section that shows it.
 */
export const BASELINES = ['previous', 'day', 'week'] as const;
export type BaselineKind = (typeof BASELINES)[number];

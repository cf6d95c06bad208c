import { VERDICT_TONE, type VerdictKind } from '../../contract/verdict-kinds.ts';

/**
 * Okabe–Ito colours: distinguishable with every common colour-vision deficiency. Colour is
 * never the only cue: every chart lists its categories in text beside the swatches.
 */
const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  grey: '#8C8C8C',
} as const;

/**
 * Charts paint with the theme's tokens (styles/theme.css), so the dark theme gets its lighter
 * variants: `var(--token, fallback)` works in SVG fill and stroke attributes as in CSS. The
 * fallback is the light theme's Okabe–Ito colour.
 */
const token = (name: string, fallback: string) => `var(--${name}, ${fallback})`;

export const CHART = {
  bar: token('chart-bar', OKABE_ITO.blue),
  grid: token('chart-grid', '#d0d7de'),
  text: token('chart-text', '#57606a'),
  selection: token('chart-selection', 'rgba(0, 114, 178, 0.18)'),
} as const;

const STATUS_COLOURS: Record<string, string> = {
  verified: token('status-verified', OKABE_ITO.green),
  expired: token('status-expired', OKABE_ITO.vermillion),
  'in-progress': token('status-in-progress', OKABE_ITO.blue),
};
const UNKNOWN = token('status-unknown', OKABE_ITO.purple);

const ATTEMPT_COLOURS: Record<string, string> = {
  delivered: token('status-delivered', OKABE_ITO.green),
  answer: token('status-in-progress', OKABE_ITO.blue),
  completed: token('status-in-progress', OKABE_ITO.blue),
  sent: token('status-sent', OKABE_ITO.skyBlue),
  queued: token('status-queued', OKABE_ITO.grey),
  ringing: token('status-sent', OKABE_ITO.skyBlue),
  'early media': token('status-sent', OKABE_ITO.skyBlue),
  'in-progress': token('status-sent', OKABE_ITO.skyBlue),
  undelivered: token('status-undelivered', OKABE_ITO.orange),
  failed: token('status-failed', OKABE_ITO.vermillion),
};

const CHANNEL_COLOURS: Record<string, string> = {
  sms: token('chart-sms', OKABE_ITO.blue),
  voice: token('chart-voice', OKABE_ITO.orange),
};

const TONE_COLOURS = {
  good: STATUS_COLOURS.verified ?? UNKNOWN,
  pending: STATUS_COLOURS['in-progress'] ?? UNKNOWN,
  bad: STATUS_COLOURS.expired ?? UNKNOWN,
  unknown: token('status-queued', OKABE_ITO.grey),
} as const;

export const statusColour = (status: string): string => STATUS_COLOURS[status] ?? UNKNOWN;
export const attemptStatusColour = (status: string): string => ATTEMPT_COLOURS[status] ?? UNKNOWN;
export const channelColour = (channel: string): string => CHANNEL_COLOURS[channel] ?? UNKNOWN;
export const verdictColour = (kind: VerdictKind): string => TONE_COLOURS[VERDICT_TONE[kind]];

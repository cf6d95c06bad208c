import { VERDICT_TONE, type VerdictKind } from '../../contract/verdict.ts';

/**
 * Okabe–Ito colours: distinguishable with every common colour-vision deficiency. Colour is
 * never the only cue: every chart lists its categories in text beside the swatches.
 */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  grey: '#8C8C8C',
} as const;

const STATUS_COLOURS: Record<string, string> = {
  verified: OKABE_ITO.green,
  expired: OKABE_ITO.vermillion,
  'in-progress': OKABE_ITO.skyBlue,
};

const ATTEMPT_COLOURS: Record<string, string> = {
  delivered: OKABE_ITO.green,
  answer: OKABE_ITO.blue,
  completed: OKABE_ITO.blue,
  sent: OKABE_ITO.orange,
  queued: OKABE_ITO.yellow,
  ringing: OKABE_ITO.skyBlue,
  'early media': OKABE_ITO.skyBlue,
  'in-progress': OKABE_ITO.skyBlue,
  undelivered: OKABE_ITO.purple,
  failed: OKABE_ITO.vermillion,
};

const CHANNEL_COLOURS: Record<string, string> = { sms: OKABE_ITO.blue, voice: OKABE_ITO.orange };

const TONE_COLOURS = {
  good: OKABE_ITO.green,
  pending: OKABE_ITO.skyBlue,
  bad: OKABE_ITO.vermillion,
  unknown: OKABE_ITO.grey,
} as const;

export const statusColour = (status: string): string => STATUS_COLOURS[status] ?? OKABE_ITO.grey;
export const attemptStatusColour = (status: string): string =>
  ATTEMPT_COLOURS[status] ?? OKABE_ITO.grey;
export const channelColour = (channel: string): string =>
  CHANNEL_COLOURS[channel] ?? OKABE_ITO.grey;
export const verdictColour = (kind: VerdictKind): string => TONE_COLOURS[VERDICT_TONE[kind]];

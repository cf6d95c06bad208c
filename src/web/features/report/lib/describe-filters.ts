import { maskPhone, maskText } from '../../../../contract/mask.ts';
import { digitsWords, orList, usd, verdictWords } from '../../../lib/filter-words.ts';
import type { ExplorerState } from '../../../../contract/explorer-view.ts';
import type { AnyFilterParam } from '../../../../contract/explorer-vocabulary.ts';

/**
 * The filters of a view in words, for the report header and the page title:
 * "Expired sessions by SMS to +91 ••••1370 in India on AirTel with verdict “Undelivered on
 * all attempts”". A screenshot must say by itself what it shows, so every filter that
 * narrows the rows appears — Plivo's and the session index's alike (an old link's `f_*`
 * are read as the server filters they became). With masking on, numbers are masked too.
 */
type DescribeOptions = { locale?: string };

const STATUS_WORDS: Record<string, string> = {
  'in-progress': 'In-progress',
  verified: 'Verified',
  expired: 'Expired',
};
const CHANNEL_WORDS: Record<string, string> = { sms: 'SMS', voice: 'voice' };

function list(values: string[], joiner: 'or' | 'and'): string {
  if (joiner === 'or') return orList(values);
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} ${joiner} ${values.at(-1)}`;
}

function csvValues(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

export function countryName(code: string, locale = 'en'): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'region' }).of(code.toUpperCase());
    return name && name !== code.toUpperCase() ? name : code.toUpperCase();
  } catch {
    return code;
  }
}

function recipientWords(value: string, masked: boolean): string {
  const e164 = `+${value.replace(/[^\d]/g, '')}`;
  return masked ? maskPhone(e164) : e164;
}

export function describeFilters(
  view: Pick<ExplorerState, 'filters' | 'masked'>,
  options: DescribeOptions = {},
): string {
  const { masked } = view;
  const get = (name: AnyFilterParam) => view.filters[name] ?? null;
  const text = (value: string) => (masked ? maskText(value) : value);
  const status = get('status')?.toLowerCase();
  const subject = status
    ? `${STATUS_WORDS[status] ?? `“${text(status)}”`} sessions`
    : 'All sessions';
  const channelWords = (name: AnyFilterParam) =>
    csvValues(get(name)).map((c) => CHANNEL_WORDS[c.toLowerCase()] ?? text(c));

  const parts: string[] = [];
  const channels = channelWords('channel');
  if (channels.length) parts.push(`by ${list(channels, 'or')}`);
  const recipient = get('recipient');
  if (recipient) parts.push(`to ${recipientWords(recipient, masked)}`);
  const countries = csvValues(get('country'));
  const names = [...new Set(countries.map((c) => countryName(c, options.locale)))];
  if (names.length) parts.push(`in ${list(names, 'or')}`);
  const networks = csvValues(get('network')).map(text);
  if (networks.length) parts.push(`on ${list(networks, 'or')}`);
  const alias = get('alias');
  if (alias) parts.push(`for app “${text(alias)}”`);
  const appUuid = get('app_uuid');
  if (appUuid) parts.push(`for app ${appUuid}`);
  const subaccount = get('subaccount');
  if (subaccount) parts.push(`under subaccount ${subaccount.toUpperCase()}`);

  const withParts = withWords(get, text, masked);
  if (withParts.length) parts.push(`with ${list(withParts, 'and')}`);
  return [subject, ...parts].join(' ');
}

/** The "with …" part: exact-match texts and the session index's narrower filters. */
function withWords(
  get: (name: AnyFilterParam) => string | null,
  text: (value: string) => string,
  masked: boolean,
): string[] {
  const words: string[] = [];
  const brand = get('brand_name');
  if (brand) words.push(`brand “${text(brand)}”`);
  const appHash = get('app_hash');
  if (appHash) words.push(`app hash “${text(appHash)}”`);
  const verdicts = csvValues(get('verdict')).map((v) => `“${verdictWords(v.toLowerCase())}”`);
  if (verdicts.length) words.push(`verdict ${list(verdicts, 'or')}`);
  const attemptChannels = csvValues(get('attempt_channel')).map(
    (c) => CHANNEL_WORDS[c.toLowerCase()] ?? text(c),
  );
  if (attemptChannels.length) words.push(`an attempt by ${list(attemptChannels, 'or')}`);
  const attempts = get('attempts_min');
  if (attempts) words.push(`at least ${attempts} attempt${attempts === '1' ? '' : 's'}`);
  const digits = get('recipient_contains');
  if (digits) words.push(`a number containing ${digitsWords(digits.replace(/\D/g, ''), masked)}`);
  const charge = get('charge_min');
  if (charge) words.push(`a charge of at least ${usd(charge)}`);
  return words;
}

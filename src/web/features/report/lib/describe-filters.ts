import { maskPhone, maskText } from '../../../../contract/mask.ts';

/**
 * The filters of a URL in words, for the report header and the page title:
 * "Expired sessions to +91 ••••1370 in India". A screenshot must say by itself what it
 * shows, so every filter that narrows the rows appears — server filters and the
 * client-side `f_*` ones alike. With masking on, numbers in any value are masked too.
 */
export type DescribeOptions = {
  /** Defaults to the URL's own `mask=1`. */
  masked?: boolean;
  locale?: string;
};

const STATUS_WORDS: Record<string, string> = {
  'in-progress': 'In-progress',
  verified: 'Verified',
  expired: 'Expired',
};
const CHANNEL_WORDS: Record<string, string> = { sms: 'SMS', voice: 'voice' };

function list(values: string[], joiner: 'or' | 'and'): string {
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

export function describeFilters(params: URLSearchParams, options: DescribeOptions = {}): string {
  const masked = options.masked ?? params.get('mask') === '1';
  const get = (name: string) => params.get(name)?.trim() || null;
  const text = (value: string) => (masked ? maskText(value) : value);
  const status = get('status')?.toLowerCase();
  const subject = status
    ? `${STATUS_WORDS[status] ?? `“${text(status)}”`} sessions`
    : 'All sessions';

  const parts: string[] = [];
  const channels = csvValues(get('f_channel')).map(
    (c) => CHANNEL_WORDS[c.toLowerCase()] ?? text(c),
  );
  if (channels.length) parts.push(`by ${list(channels, 'or')}`);
  const recipient = get('recipient');
  if (recipient) parts.push(`to ${recipientWords(recipient, masked)}`);
  const countries = [...csvValues(get('country')), ...csvValues(get('f_country'))];
  const names = [...new Set(countries.map((c) => countryName(c, options.locale)))];
  if (names.length) parts.push(`in ${list(names, 'or')}`);
  const alias = get('alias');
  if (alias) parts.push(`for app “${text(alias)}”`);
  const appUuid = get('app_uuid');
  if (appUuid) parts.push(`for app ${appUuid}`);
  const subaccount = get('subaccount');
  if (subaccount) parts.push(`under subaccount ${subaccount.toUpperCase()}`);

  const withParts: string[] = [];
  const brand = get('brand_name');
  if (brand) withParts.push(`brand “${text(brand)}”`);
  const appHash = get('app_hash');
  if (appHash) withParts.push(`app hash “${text(appHash)}”`);
  const verdicts = csvValues(get('f_verdict')).map((v) => `“${text(v.replaceAll('-', ' '))}”`);
  if (verdicts.length) withParts.push(`verdict ${list(verdicts, 'or')}`);
  if (withParts.length) parts.push(`with ${list(withParts, 'and')}`);

  return [subject, ...parts].join(' ');
}

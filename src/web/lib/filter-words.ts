import { formatMoney, parseMoney } from '../../contract/money.ts';
import { isVerdictKind, VERDICT_KIND_LABELS } from '../../contract/verdict-kinds.ts';
import {
  INDEX_PARAMS,
  type Filters,
  type IndexFilterParam,
} from '../../contract/explorer-vocabulary.ts';

/**
 * The filters only the session index applies, in words: one removable chip each, and the
 * same phrases in the report header. Values are the URL's normalised text (lists joined by
 * commas). With masking on, digits of a recipient are cut to the last four.
 */
type FilterChip = { param: IndexFilterParam; text: string };

const CHANNEL_WORDS: Record<string, string> = { sms: 'SMS', voice: 'voice' };

export function orList(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

const parts = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

const channels = (value: string) => orList(parts(value).map((c) => CHANNEL_WORDS[c] ?? c));

export function verdictWords(code: string): string {
  return isVerdictKind(code) ? VERDICT_KIND_LABELS[code] : `“${code}”`;
}

/** "0.05" as "$0.05" (Plivo bills in US dollars), exact. */
export function usd(value: string): string {
  const cents = parseMoney(value);
  return `$${cents === null ? value : formatMoney(cents, 2)}`;
}

export function digitsWords(digits: string, masked: boolean): string {
  return masked && digits.length > 4 ? `…${digits.slice(-4)}` : digits;
}

const PHRASES: Record<IndexFilterParam, (value: string, masked: boolean) => string> = {
  network: (v) => `Network: ${orList(parts(v))}`,
  channel: (v) => `Last channel: ${channels(v)}`,
  attempt_channel: (v) => `An attempt by ${channels(v)}`,
  verdict: (v) => `Verdict: ${orList(parts(v).map(verdictWords))}`,
  attempts_min: (v) => `At least ${v} attempt${v === '1' ? '' : 's'}`,
  recipient_contains: (v, masked) => `Number contains ${digitsWords(v, masked)}`,
  charge_min: (v) => `Charge at least ${usd(v)}`,
};

export function indexFilterChips(filters: Filters, masked = false): FilterChip[] {
  const chips: FilterChip[] = [];
  for (const param of INDEX_PARAMS) {
    const value = filters[param];
    if (value) chips.push({ param, text: PHRASES[param](value, masked) });
  }
  return chips;
}

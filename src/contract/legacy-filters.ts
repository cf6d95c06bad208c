import { CHANNELS } from './session.ts';
import { isVerdictKind } from './verdict-kinds.ts';
import type { UrlNotice } from './explorer-view.ts';

/**
 * Links made before the session index carry the client-side filters `f_channel`, `f_verdict`
 * and `f_country`, which narrowed only the loaded rows. They are now server filters
 * (`channel`, `verdict`, Plivo's `country`) that apply to every matching session; an old
 * link is rewritten to them, and says so, rather than opening without its filters.
 */
export const LEGACY_PARAMS = ['f_channel', 'f_verdict', 'f_country'] as const;

type Migration = { search: URLSearchParams; notices: UrlNotice[] };

const values = (raw: string) =>
  raw
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

const dropped = (param: string, raw: string, why: string): UrlNotice => ({
  param,
  message: `${param}=“${raw}” ${why}; it was left out.`,
});

const moved = (param: string, raw: string, to: string, value: string): UrlNotice => ({
  param,
  message: `${param}=“${raw}” is now the server filter ${to}=${value}: it applies to every matching session, not only loaded rows.`,
});

/** Verdict codes as the old links wrote them: any case, with spaces or dashes for `_`. */
function verdictCode(value: string): string {
  return value.toLowerCase().replace(/[\s-]+/g, '_');
}

type Rule = {
  to: string;
  /** The new value from the old one's parts, or a reason it cannot be kept. */
  convert: (parts: string[]) => { value: string; note?: string } | { problem: string };
};

const RULES: Record<(typeof LEGACY_PARAMS)[number], Rule> = {
  f_channel: {
    to: 'channel',
    convert: (parts) => {
      const known = parts.map((p) => p.toLowerCase()).filter((p) => CHANNELS.includes(p as never));
      return known.length
        ? { value: known.join(',') }
        : { problem: `names no channel the server filters by (${CHANNELS.join(', ')})` };
    },
  },
  f_verdict: {
    to: 'verdict',
    convert: (parts) => {
      const codes = parts.map(verdictCode).filter(isVerdictKind);
      return codes.length ? { value: codes.join(',') } : { problem: 'names no known verdict' };
    },
  },
  f_country: {
    to: 'country',
    convert: (parts) => {
      const codes = parts.map((p) => p.toUpperCase()).filter((p) => /^[A-Z]{2}$/.test(p));
      const [first] = codes;
      if (first === undefined) return { problem: 'names no two-letter country code' };
      // Plivo filters by one country: the first is kept, and the notice says so.
      return codes.length > 1
        ? { value: first, note: ` Plivo filters by one country: only ${first} was kept.` }
        : { value: first };
    },
  },
};

/** The rewritten query and what was changed, or null when the link has no old parameter. */
export function migrateLegacyFilters(search: URLSearchParams): Migration | null {
  if (!LEGACY_PARAMS.some((p) => search.has(p))) return null;
  const next = new URLSearchParams(search);
  const notices: UrlNotice[] = [];
  for (const param of LEGACY_PARAMS) {
    const raw = search.get(param);
    next.delete(param);
    if (raw === null || raw.trim() === '') continue;
    const rule = RULES[param];
    const result = rule.convert(values(raw));
    if ('problem' in result) notices.push(dropped(param, raw, result.problem));
    else if (next.get(rule.to)?.trim()) {
      notices.push(
        dropped(param, raw, `repeats the filter ${rule.to}, which the link already sets`),
      );
    } else {
      next.set(rule.to, result.value);
      const notice = moved(param, raw, rule.to, result.value);
      notices.push({ ...notice, message: notice.message + (result.note ?? '') });
    }
  }
  return { search: next, notices };
}

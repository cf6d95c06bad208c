import { normaliseSession } from './normalise-session.ts';
import { plivoListResponseSchema, plivoSessionSchema } from './plivo-wire.ts';
import type { Session } from './session.ts';
import { z } from './zod.ts';

export type ParsedList = {
  sessions: Session[];
  limit: number | null;
  offset: number | null;
  hasNext: boolean;
  /** Entries that could not be read at all, described for the user. */
  problems: string[];
};

/**
 * Problems found here are shown to people word for word (the list's problems, a bad reply's
 * detail) in Zod's English. zod/mini loads no locale and would say only "Invalid input", so
 * parsing asks for English itself rather than relying on the server's classic Zod to have
 * loaded it. Only the server parses Plivo's replies: the browser does not carry the locale.
 */
const inEnglish = { error: z.locales.en().localeError };

type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Parses a Plivo list reply; unreadable sessions are reported, readable ones kept. */
export function parsePlivoList(json: unknown): ParseResult<ParsedList> {
  const parsed = plivoListResponseSchema.safeParse(json, inEnglish);
  if (!parsed.success) return { ok: false, message: 'the reply is not a Verify session list' };
  const sessions: Session[] = [];
  const problems: string[] = [];
  (parsed.data.sessions ?? []).forEach((entry, index) => {
    const one = plivoSessionSchema.safeParse(entry, inEnglish);
    if (one.success) sessions.push(normaliseSession(one.data));
    else
      problems.push(`Session #${index + 1} on this page is unreadable: ${firstIssue(one.error)}.`);
  });
  const meta = parsed.data.meta;
  return {
    ok: true,
    value: {
      sessions,
      limit: meta?.limit ?? null,
      offset: meta?.offset ?? null,
      hasNext: Boolean(meta?.next),
      problems,
    },
  };
}

/** Parses a Plivo retrieve reply into one normalised session. */
export function parsePlivoSession(json: unknown): ParseResult<Session> {
  const parsed = plivoSessionSchema.safeParse(json, inEnglish);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  return { ok: true, value: normaliseSession(parsed.data) };
}

function firstIssue(error: {
  issues: readonly { message: string; path: PropertyKey[] }[];
}): string {
  const issue = error.issues[0];
  if (!issue) return 'unknown problem';
  if (issue.path.length === 1 && issue.path[0] === 'session_uuid') return issue.message;
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

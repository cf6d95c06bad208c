import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The real Plivo SDK payloads (e2e/fixtures/plivo-sdk), read once. */
const dir = fileURLToPath(new URL('../../e2e/fixtures/plivo-sdk/', import.meta.url));

export type WireSession = Record<string, unknown> & { session_uuid: string };

function read(file: string): unknown {
  return JSON.parse(readFileSync(dir + file, 'utf8')) as unknown;
}

export const LIST_FIXTURES: Record<string, unknown> = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => /list/i.test(f))
    .map((f) => [f, read(f)]),
);

export const GET_FIXTURES: Record<string, unknown> = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => /get/i.test(f))
    .map((f) => [f, read(f)]),
);

/** Every session object found in the list fixtures, in file order. */
export function fixtureSessions(): WireSession[] {
  return Object.values(LIST_FIXTURES).flatMap((list) => {
    const sessions = (list as { sessions?: unknown }).sessions;
    return Array.isArray(sessions) ? (sessions as WireSession[]) : [];
  });
}

/** A deterministic uuid for the n-th synthetic session (valid v4 layout, unique per n). */
export function syntheticUuid(n: number, prefix = 'b0'): string {
  const hex = n.toString(16).padStart(12, '0');
  return `${prefix}000000-0000-4000-8000-${hex}`;
}

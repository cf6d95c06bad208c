import { randomBytes } from 'node:crypto';

/**
 * Short-link ids: 16 random bytes (128 bits) from the OS's CSPRNG as URL-safe base64, 22
 * characters. Unguessable: the ids are the only thing between a stranger with the address
 * and a view that may name a recipient (sign-in still applies on top).
 */
const LINK_ID = /^[A-Za-z0-9_-]{22}$/;

export function newLinkId(): string {
  return randomBytes(16).toString('base64url');
}

export function isLinkId(text: string): boolean {
  return LINK_ID.test(text);
}

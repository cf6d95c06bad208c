import { z } from './zod.ts';

/**
 * `POST /api/links` `{ url }` → `201 { url: "/l/<id>" }`: a short, unguessable link to a view
 * of this dashboard (a same-origin path), kept by the server; `GET /l/<id>` redirects to it.
 */
export const createShortLinkSchema = z.strictObject({ url: z.string() });
export const shortLinkSchema = z.object({
  url: z.string().check(z.regex(/^\/l\/[A-Za-z0-9_-]{22}$/)),
});

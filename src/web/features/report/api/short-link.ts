import { shortLinkSchema } from '../../../../contract/short-link.ts';
import { apiPost } from '../../../lib/api-client.ts';

/**
 * Turns a share link (already pinned by `buildShareLink`) into this server's short link,
 * `https://host/l/<id>`. The server keeps the view; only its path and query are sent, as the
 * server accepts views of its own origin only. Throws `ApiError` with the server's reason.
 */
export async function createShortLink(link: string): Promise<string> {
  const url = new URL(link);
  const made = await apiPost(
    '/api/links',
    { url: `${url.pathname}${url.search}` },
    shortLinkSchema,
  );
  return new URL(made.url, url.origin).toString();
}

import type { IncomingMessage } from 'node:http';
import type { CacheOutcome } from '../upstream/reply-cache.ts';
import type { Viewer } from '../access/viewer.ts';

/** Hono's per-request context for the dashboard: what handlers record for the access log. */
export type AppEnv = {
  Bindings: { incoming?: IncomingMessage };
  Variables: {
    /** The route pattern (never the raw URL: queries carry phone numbers). */
    route: string;
    upstreamCalls: number;
    cache: CacheOutcome;
    /** Set by a pre-rendered page: the SHA-256 (base64) of its one stylesheet, for the CSP. */
    styleHash: string;
    /** Who is asking (set after access control): for masking and the audit trail. */
    viewer: Viewer;
  };
};

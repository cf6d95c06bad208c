import { Hono } from 'hono';
import { accessControl } from '../access/access-control.ts';
import { failureResponse } from './api-errors.ts';
import type { AppEnv } from './app-env.ts';
import { apiRoutes, type ApiDeps } from './api-routes.ts';
import type { AccessControl } from '../config/config.ts';
import { crossSiteGuard } from '../access/cross-site-guard.ts';
import { DatabaseUnavailable } from '../db/postgres.ts';
import { requestLog, withoutLongNumbers, type LogLine } from './request-log.ts';
import { mountLinkRedirects } from '../links/link-routes.ts';
import { hostCheck, requestGuard, securityHeaders } from './security.ts';
import { mountSimControls, type SimControlDeps } from './sim-controls.ts';
import type { PagePrerenderer } from '../prerender/prerender-page.ts';
import type { StaticFiles } from './static-files.ts';
import type { TrustedProxies } from '../access/trusted-proxies.ts';

import { identifyViewer, type GroupPolicy } from '../access/viewer.ts';

export type AppDeps = ApiDeps & {
  access: AccessControl;
  trustedProxies: TrustedProxies;
  /** Masked-only viewers by group (TRUST_GROUPS_HEADER + MASKED_GROUPS). */
  viewerGroups: GroupPolicy | null;
  /** Set when there is no access control: the Host names the server answers for. */
  allowedHosts: ReadonlySet<string> | null;
  staticFiles: StaticFiles;
  /** Null when PRERENDER=off. */
  prerenderer: PagePrerenderer | null;
  simControls: SimControlDeps | null;
  log: LogLine;
};

/** The dashboard's HTTP surface, in the order every request meets it. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requestLog(deps.log));
  app.use('*', securityHeaders());
  app.use('*', requestGuard());
  // For load balancers and orchestrators, which probe by IP and without a login: it says only
  // that the process answers (not whether Plivo does, or a dashboard would leave rotation
  // whenever Plivo is down), so it needs neither the Host check nor access control.
  app.on(['GET', 'HEAD'], '/healthz', (c) => {
    c.set('route', '/healthz');
    c.header('Cache-Control', 'no-store');
    return c.text('ok');
  });
  // Before sign-in, so another site's requests cost neither a password check nor budget.
  app.use('*', crossSiteGuard());
  if (deps.allowedHosts) app.use('*', hostCheck(deps.allowedHosts));
  app.use('*', accessControl(deps.access, deps.trustedProxies));
  app.use('*', identifyViewer(deps.access, deps.viewerGroups));
  app.route('/api', apiRoutes(deps));
  mountLinkRedirects(app, deps.links);
  if (deps.simControls) mountSimControls(app, deps.simControls);

  app.all('*', async (c) => {
    c.set('route', 'static');
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      c.header('Allow', 'GET, HEAD');
      return c.text('Method not allowed.', 405);
    }
    const prerendered = await deps.prerenderer?.respond(c);
    if (prerendered) {
      c.set('route', 'prerender');
      return prerendered;
    }
    const served = await deps.staticFiles.serve(c, c.req.path);
    if (served) {
      c.set('route', served.route);
      return served.response;
    }
    c.header('Cache-Control', 'no-store');
    return c.text('Not found.', 404);
  });

  app.onError((error, c) => {
    if (error instanceof DatabaseUnavailable) {
      deps.log(`${new Date().toISOString()} ${error.message}`);
      return failureResponse(c, {
        code: 'database_unavailable',
        message: `The dashboard's database (PostgreSQL) cannot be reached right now; this answer needs it. Try again in ${error.retryAfterSeconds} s.`,
        retryAfterSeconds: error.retryAfterSeconds,
      });
    }
    // The name and message only: a stack or a request dump could carry credentials.
    const message = withoutLongNumbers(error.message.slice(0, 300));
    deps.log(`${new Date().toISOString()} error ${error.name}: ${message}`);
    return failureResponse(c, {
      code: 'internal',
      message: 'The dashboard server failed unexpectedly; see its log.',
    });
  });
  return app;
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerConfig } from './config/config.ts';
import { checkedHosts } from './http/security.ts';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;

function isLoopback(host: string): boolean {
  return LOOPBACK.test(host.replace(/^\[|\]$/g, ''));
}

/** What the operator must know at start-up: where, which data, who may look, what is off. */
export function startupLines(config: ServerConfig, url: string, webRoot: string): string[] {
  const lines = [`OTP sessions dashboard: ${url}`];
  const up = config.upstream;
  if (up.mode === 'plivo') {
    lines.push(`Mode: plivo — live data of account …${up.authId.slice(-4)} via ${up.apiUrl}`);
  } else {
    const bar = '='.repeat(72);
    lines.push(
      bar,
      'Mode: SIMULATOR — PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN are not set.',
      'The dashboard shows GENERATED sessions from the built-in simulator, not a Plivo account.',
      ...(up.simulator.testControls
        ? ['Simulator test controls are ON (/__sim/*): for tests only.']
        : []),
      bar,
    );
  }
  const { listPerMinute, retrievePerMinute } = config.budget;
  lines.push(
    `Upstream budget: ${listPerMinute} list and ${retrievePerMinute} retrieve calls a minute; ` +
      `cache ${config.cacheTtlMs / 1000} s; timeout ${config.upstreamTimeoutMs / 1000} s`,
  );
  const access = config.access;
  const checked = checkedHosts(config);
  const hosts = checked ? `; answers only for Host ${[...checked].join(', ')}` : '';
  lines.push(
    access.kind === 'basic'
      ? `Access: HTTP Basic sign-in (${access.users.length} user${access.users.length === 1 ? '' : 's'})${hosts}`
      : access.kind === 'header'
        ? `Access: trusted identity header ${access.header} from a login proxy at ${config.trustedProxies.text}${hosts}`
        : `Access: no sign-in${hosts}`,
  );
  if (access.kind === 'none' && !isLoopback(config.host)) {
    lines.push(
      `WARNING: listening on ${config.host} without access control: anyone who can reach this address ` +
        'can read your OTP sessions. Set DASHBOARD_USERS or TRUST_IDENTITY_HEADER, or HOST=127.0.0.1.',
    );
  }
  if (access.kind === 'header' && !isLoopback(config.host)) {
    lines.push(
      `NOTE: ${access.header} is trusted as sent. Make sure only the login proxy can reach ${config.host}:${config.port}.`,
    );
  }
  // Loud, not a note: without the Host check any web page a signed-in person opens can
  // rebind a name to this server and send the identity header itself.
  if (access.kind === 'header' && !hosts) {
    lines.push(
      `WARNING: ALLOWED_HOSTS is not set: a DNS-rebinding page can send ${access.header} itself. ` +
        "Set ALLOWED_HOSTS to the login proxy's host name.",
    );
  }
  if (!existsSync(join(webRoot, 'index.html'))) {
    lines.push(`WARNING: no built app in ${webRoot} (run "npm run build"); only /api answers.`);
  }
  lines.push(
    config.prerender
      ? `Deep links: pre-rendered by the server (bundle in ${config.prerender.ssrDir})`
      : 'Deep links: not pre-rendered (PRERENDER=off)',
  );
  return lines;
}

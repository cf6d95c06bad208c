import type { ApiFailure } from '../http/api-errors.ts';
import type { UpstreamReply } from './upstream-client.ts';

/** Who is upstream, for messages: "Plivo" or "The built-in simulator". */
export type UpstreamNaming = { name: string; host: string; mode: 'plivo' | 'simulator' };

type Failed = Exclude<UpstreamReply, { kind: 'ok' }>;

/**
 * A specific message for each way the upstream can fail, telling the reader what happened
 * and what to do. Never includes credentials: only the host, status and Plivo's short text.
 */
export function failureFromReply(
  reply: Failed,
  naming: UpstreamNaming,
  context: { call: 'list' | 'retrieve'; sessionUuid?: string },
): ApiFailure {
  const { name, host } = naming;
  if (reply.kind === 'timeout') {
    return {
      code: 'upstream_timeout',
      message: `${name} did not answer within ${Math.round(reply.timeoutMs / 100) / 10} s. Try again in a moment.`,
    };
  }
  if (reply.kind === 'unreachable') {
    return {
      code: 'upstream_unreachable',
      message: `${name} could not be reached at ${host} (${reply.detail}). Check the server's network and PLIVO_API_URL.`,
    };
  }
  if (reply.kind === 'bad_reply') {
    return {
      code: 'upstream_bad_reply',
      message: `${name} sent a reply the dashboard cannot read: ${reply.detail}.`,
    };
  }
  return httpFailure(reply, naming, context);
}

function httpFailure(
  reply: Extract<UpstreamReply, { kind: 'http_error' }>,
  { name, mode }: UpstreamNaming,
  context: { call: 'list' | 'retrieve'; sessionUuid?: string },
): ApiFailure {
  const said = reply.message ? `: "${reply.message}"` : '';
  const { status } = reply;
  if (status === 401 || status === 403) {
    const fix =
      mode === 'plivo'
        ? 'Check PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN on the dashboard server.'
        : 'Check SIM_AUTH_ID and SIM_AUTH_TOKEN on the dashboard server.';
    return {
      code: 'upstream_auth',
      message: `${name} rejected the dashboard server's credentials (HTTP ${status}). ${fix}`,
    };
  }
  if (status === 404 && context.call === 'retrieve') {
    return {
      code: 'not_found',
      message: `No session ${context.sessionUuid ?? ''} in this account. Sessions older than 90 days are no longer kept.`,
    };
  }
  if (status === 400) {
    return { code: 'bad_parameter', message: `${name} rejected the request${said}.` };
  }
  if (status >= 500) {
    return {
      code: 'upstream_error',
      message: `${name} failed with HTTP ${status}${said}. Try again shortly.`,
    };
  }
  return {
    code: 'upstream_error',
    message: `${name} answered HTTP ${status}${said}, which the dashboard does not expect.`,
  };
}

import autocannon from 'autocannon';

export type CannonOptions = {
  url: string;
  connections: number;
  durationSeconds: number;
  /** Client-side limit: a request not answered by then counts as a timeout. */
  timeoutSeconds: number;
  /** The path of the n-th request (lets one run mix cache hits and misses). */
  path: (n: number) => string;
  headers?: Record<string, string>;
  onResponse?: (status: number, body: string, n: number) => void;
};

export type CannonResult = {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  maxMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
};

/** One autocannon run; resolves with the figures the benchmarks and load tests read. */
export async function cannon(options: CannonOptions): Promise<CannonResult> {
  let sent = 0;
  let answered = 0;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: options.timeoutSeconds,
    ...(options.headers ? { headers: options.headers } : {}),
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: options.path(sent++) }),
        ...(options.onResponse
          ? {
              onResponse: (status: number, body: string) =>
                options.onResponse?.(status, body, answered++),
            }
          : {}),
      },
    ],
  });
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]),
  );
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    maxMs: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
  };
}

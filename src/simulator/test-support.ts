import { createSimulator, type Simulator, type SimulatorOptions } from './simulator.ts';

/** Helpers shared by the simulator's tests: a fixed clock and authenticated requests. */
export const TEST_NOW = '2026-11-27T10:00:00Z';
export const TEST_NOW_MS = Date.parse(TEST_NOW);

export function basicAuth(id: string, token: string): string {
  return `Basic ${Buffer.from(`${id}:${token}`).toString('base64')}`;
}

export type TestSim = Simulator & {
  /** GET with the parent's credentials (or the given ones) against the in-process app. */
  get(path: string, auth?: { authId: string; authToken: string }): Promise<Response>;
  listPath(query?: string): string;
};

export function testSimulator(options: SimulatorOptions = {}): TestSim {
  // Most tests make many list calls; the rate-limit tests restore the real limit.
  const sim = createSimulator({
    now: TEST_NOW,
    sessionsPerDay: 400,
    listRateLimitPerMinute: 10_000,
    ...options,
  });
  return {
    ...sim,
    async get(path, auth = sim) {
      return sim.app.request(path, {
        headers: { authorization: basicAuth(auth.authId, auth.authToken) },
      });
    },
    listPath: (query = '') =>
      `/v1/Account/${sim.authId}/Verify/Session/${query ? `?${query}` : ''}`,
  };
}

/** Plivo's filter time format, `+` for the space as a browser would encode it. */
export function plivoTimeParam(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', '+');
}

export type ListBody = {
  api_id: string;
  meta: { limit: number; offset: number; next: string | null; previous: string | null };
  sessions: WireSessionLike[] | null;
};

export type WireSessionLike = {
  session_uuid: string;
  app_uuid: string;
  alias: string;
  recipient: string;
  status: string;
  count: number;
  channel: string;
  destination_country_iso2: string;
  destination_network: string | null;
  created_at: string;
  updated_at: string;
  attempt_details: { channel: string; status: string; time: string; brand_name?: string }[] | null;
};

export async function listBody(res: Response): Promise<ListBody> {
  if (res.status !== 200) throw new Error(`expected 200, got ${res.status}: ${await res.text()}`);
  return (await res.json()) as ListBody;
}

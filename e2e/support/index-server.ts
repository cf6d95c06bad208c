// Where specs reach the dashboard with the session index on (see start-index-server.ts), and
// a wait for its sync to cover what a spec needs.
import { expect, type APIRequestContext } from '@playwright/test';
import { indexStatusSchema, type IndexStatus } from '../../src/contract/index-api.ts';

export const INDEX_ORIGIN = `http://127.0.0.1:${process.env.E2E_INDEX_PORT ?? '4319'}`;

/** Polls `/api/index` until it covers at least `days` days before the simulator's now. */
export async function waitForIndexDays(
  request: APIRequestContext,
  days: number,
): Promise<IndexStatus> {
  let status: IndexStatus | null = null;
  await expect
    .poll(
      async () => {
        const reply = await request.get(`${INDEX_ORIGIN}/api/index`);
        status = indexStatusSchema.parse(await reply.json());
        return status.coveredDays;
      },
      { timeout: 90_000, intervals: [250, 500, 1000] },
    )
    .toBeGreaterThanOrEqual(days);
  if (!status) throw new Error('no index status');
  return status;
}

import { z } from 'zod';
import type { SimulatorOptions } from './simulator.ts';

/**
 * The simulator's environment, parsed once at start. Every bad key is reported in one
 * message so a developer fixes them all at once. The dashboard server reads the same SIM_*
 * variables for its in-process simulator, with these very rules (`simulatorEnvShape`).
 */
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

export const simulatorEnvShape = {
  SIM_AUTH_ID: z
    .string()
    .regex(/^MA[A-Z0-9]{18}$/, 'must be MA followed by 18 upper-case letters or digits')
    .optional(),
  SIM_AUTH_TOKEN: z.string().min(8, 'must be at least 8 characters').optional(),
  SIM_SEED: z.string().optional(),
  SIM_NOW: z
    .string()
    .refine((v) => /^\d+$/.test(v) || !Number.isNaN(Date.parse(v)), {
      message: 'must be an ISO time (2026-11-27T10:00:00Z) or epoch milliseconds',
    })
    .optional(),
  SIM_SESSIONS_PER_DAY: wholeNumber(0, 200_000).optional(),
  /** Plivo's 20 list calls a minute; raised for tests and demos that sync an index quickly. */
  SIM_LIST_LIMIT_PER_MINUTE: wholeNumber(1, 1_000_000).optional(),
  SIM_TEST_CONTROLS: z.enum(['0', '1', 'true', 'false'], { error: 'must be 1 or 0' }).optional(),
};

type SimulatorEnv = z.output<z.ZodObject<typeof simulatorEnvShape>>;

/** The options the SIM_* variables stand for; unset ones are left to the simulator's defaults. */
export function simulatorOptionsFromEnv(
  e: SimulatorEnv,
): SimulatorOptions & { testControls: boolean } {
  return {
    authId: e.SIM_AUTH_ID,
    authToken: e.SIM_AUTH_TOKEN,
    seed: e.SIM_SEED,
    now: e.SIM_NOW === undefined || !/^\d+$/.test(e.SIM_NOW) ? e.SIM_NOW : Number(e.SIM_NOW),
    sessionsPerDay: e.SIM_SESSIONS_PER_DAY,
    listRateLimitPerMinute: e.SIM_LIST_LIMIT_PER_MINUTE,
    testControls: e.SIM_TEST_CONTROLS === '1' || e.SIM_TEST_CONTROLS === 'true',
  };
}

const envSchema = z.object({
  SIM_PORT: wholeNumber(0, 65_535).default(8099),
  SIM_HOST: z.string().default('127.0.0.1'),
  ...simulatorEnvShape,
});

type SimulatorEnvConfig = SimulatorOptions & { port: number; host: string };

export type ConfigResult =
  { ok: true; config: SimulatorEnvConfig } | { ok: false; message: string };

/** Empty variables count as unset, as shells and `.env` files often leave them. */
export function parseSimulatorEnv(env: Record<string, string | undefined>): ConfigResult {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')} ${i.message}`);
    return { ok: false, message: `Invalid simulator settings:\n${lines.join('\n')}` };
  }
  const e = parsed.data;
  return {
    ok: true,
    config: { port: e.SIM_PORT, host: e.SIM_HOST, ...simulatorOptionsFromEnv(e) },
  };
}

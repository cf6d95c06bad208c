import { describe, expect, it } from 'vitest';
import { parseSimulatorEnv } from './config.ts';
import { createSimulator } from './simulator.ts';

describe('simulator environment', () => {
  it('defaults to port 8099, loopback, real time and no test controls', () => {
    expect(parseSimulatorEnv({})).toEqual({
      ok: true,
      config: {
        port: 8099,
        host: '127.0.0.1',
        authId: undefined,
        authToken: undefined,
        seed: undefined,
        now: undefined,
        sessionsPerDay: undefined,
        testControls: false,
      },
    });
  });

  it('reads every variable, treating empty ones as unset', () => {
    const result = parseSimulatorEnv({
      SIM_PORT: '5150',
      SIM_AUTH_ID: 'MAABCDEFGHIJ01234567',
      SIM_AUTH_TOKEN: 'token-for-tests',
      SIM_SEED: 'demo',
      SIM_NOW: '1795780800000',
      SIM_SESSIONS_PER_DAY: '300',
      SIM_TEST_CONTROLS: '1',
      SIM_HOST: '',
    });
    expect(result).toEqual({
      ok: true,
      config: {
        port: 5150,
        host: '127.0.0.1',
        authId: 'MAABCDEFGHIJ01234567',
        authToken: 'token-for-tests',
        seed: 'demo',
        now: 1795780800000,
        sessionsPerDay: 300,
        testControls: true,
      },
    });
  });

  it('lists every bad value in one message', () => {
    const result = parseSimulatorEnv({
      SIM_PORT: 'eighty',
      SIM_AUTH_ID: 'SA123',
      SIM_NOW: 'yesterday',
      SIM_SESSIONS_PER_DAY: '9999999',
      SIM_TEST_CONTROLS: 'yes',
    });
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.message;
    for (const key of [
      'SIM_PORT',
      'SIM_AUTH_ID',
      'SIM_NOW',
      'SIM_SESSIONS_PER_DAY',
      'SIM_TEST_CONTROLS',
    ]) {
      expect(message).toContain(key);
    }
  });
});

describe('createSimulator options', () => {
  it.each([
    [{ authId: 'SA0000000000000000000' }, 'authId'],
    [{ authToken: '' }, 'authToken'],
    [{ now: 'tomorrow-ish' }, 'now'],
    [{ sessionsPerDay: 1.5 }, 'sessionsPerDay'],
    [{ listRateLimitPerMinute: 0 }, 'listRateLimitPerMinute'],
  ])('rejects %o with a message naming the option', (options, name) => {
    expect(() => createSimulator({ prefill: false, ...options })).toThrow(name);
  });
});

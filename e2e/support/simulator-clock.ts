// The simulator's fixed clock and seed for every browser-test server: every run sees the
// same sessions, including the built-in incident (2026-11-19 10:20–11:00 UTC).
export const E2E_SIM_NOW = '2026-11-20T12:00:00Z';
export const E2E_SIM_SEED = '20261120';

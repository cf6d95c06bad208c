/**
 * Fixed loopback ports for everything the benchmarks and hostile tests start (this work's
 * range is 5600–5699), so parallel runs of other suites never collide with them.
 */
export const PORTS = {
  bench: {
    server: 5600,
    simulator: 5601,
    proxy: 5602,
    rawServer: 5603,
    rawSimulator: 5604,
    helper: 5605,
  },
  load: { server: 5610, simulator: 5611, proxy: 5612 },
  loadTest: { server: 5620, simulator: 5621, proxy: 5622, faultServer: 5623, faultFake: 5624 },
  fuzzE2e: { server: 5630, fake: 5631 },
} as const;

export const LOOPBACK = '127.0.0.1';

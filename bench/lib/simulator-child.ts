// Entry point of a simulator run in its own process by the benchmarks (see subjects.ts):
// options arrive as JSON in BENCH_SIM_OPTIONS, so tests can raise the list rate limit, which
// the simulator's own start-up deliberately never does.
import { startSimulator, type SimulatorOptions } from '../../src/simulator/simulator.ts';

const options = JSON.parse(process.env.BENCH_SIM_OPTIONS ?? '{}') as SimulatorOptions & {
  port: number;
};
const running = await startSimulator({ ...options, host: '127.0.0.1' });
console.log(`simulator ready at ${running.url}`);
process.once('SIGTERM', () => {
  void running.close().finally(() => process.exit(0));
});

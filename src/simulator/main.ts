import { parseSimulatorEnv } from './config.ts';
import { startSimulator } from './simulator.ts';

/** `npm run simulator`: the Plivo Verify simulator on its own port. */
const parsed = parseSimulatorEnv(process.env);
if (!parsed.ok) {
  console.error(parsed.message);
  process.exit(1);
}

try {
  const running = await startSimulator(parsed.config);
  const { simulator } = running;
  const [sub1, sub2] = running.subaccounts;
  // These are the simulator's own fake credentials, printed so a developer can use them.
  console.log(`Plivo Verify simulator listening on ${running.url}
  API base:     ${running.url}/v1/Account/${running.authId}/
  Auth ID:      ${running.authId}
  Auth Token:   ${running.authToken}
  Subaccounts:  ${sub1?.authId ?? ''} / ${sub1?.authToken ?? ''}
                ${sub2?.authId ?? ''} / ${sub2?.authToken ?? ''}
  Clock:        ${simulator.clock.fixed() ? 'fixed at' : 'real time, now'} ${new Date(simulator.clock.nowUs() / 1000).toISOString()}
  Sessions:     ${simulator.store.size().sessions} over the last 90 days
  Test controls: ${parsed.config.testControls ? `on: ${running.url}/__sim/` : 'off'}`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(
    `Simulator failed to start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}

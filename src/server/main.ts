// `npm start`: the dashboard server. Configuration comes from the environment (see README);
// with no Plivo credentials it runs on the built-in simulator.
import { parseConfig } from './config.ts';
import { startServer } from './server.ts';

const parsed = parseConfig(process.env);
if (!parsed.ok) {
  console.error(
    `The dashboard server cannot start; fix these settings:\n- ${parsed.problems.join('\n- ')}`,
  );
  process.exit(1);
}

const server = await startServer(parsed.config).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`The dashboard server cannot start: ${message}`);
  process.exit(1);
});

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`${signal}: finishing requests in progress, then stopping.`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

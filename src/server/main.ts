// `npm run serve` (compiled to dist/server/main.js by `npm run build`): the dashboard server.
// Configuration comes from the environment (see README); with no Plivo credentials it runs on
// the built-in simulator, except under NODE_ENV=production (then UPSTREAM=simulator says so).
import { parseConfig } from './config/config.ts';
import { startServer } from './server.ts';

const parsed = parseConfig(process.env);
if (!parsed.ok) {
  console.error(
    `The dashboard server cannot start; fix these settings:\n- ${parsed.problems.join('\n- ')}`,
  );
  process.exit(1);
}

const { host, port } = parsed.config;
// One line and exit 1, never a stack trace: a failed start is an operator's problem to fix.
const server = await startServer(parsed.config).catch((error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  const message =
    code === 'EADDRINUSE'
      ? `${host}:${port} is already in use; stop what listens there or set PORT`
      : code === 'EACCES'
        ? `no permission to listen on ${host}:${port}; pick a PORT above 1023`
        : error instanceof Error
          ? error.message
          : String(error);
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

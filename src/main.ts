// Process entry: `npm start`. A configuration mistake ends the process with one line, no stack trace.
import { GatewayError } from './errors/gateway-error.js';
import { startFromEnv } from './startup.js';

try {
  const running = await startFromEnv(process.env);
  const { gateway, logger, demo } = running;
  for (const [system, url] of demo) logger.info({ system, url }, 'demo: simulator started');
  logger.info({ url: gateway.url, demo: demo.size > 0 }, `contact gateway ready at ${gateway.url}`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
} catch (err) {
  if (err instanceof GatewayError && err.code === 'CONFIG') {
    process.stderr.write(`contact-gateway: configuration error: ${err.message}\n`);
    process.exit(78); // EX_CONFIG
  }
  throw err;
}

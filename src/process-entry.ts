// What `npm start` runs, with the process's edges passed in so tests can drive it: a configuration
// mistake ends with one line on stderr and exit code 78 (EX_CONFIG), never a stack trace.
import type { Env } from '../connectors/connector-module.js';
import { GatewayError } from './errors/gateway-error.js';
import { startFromEnv, type RunningGateway } from './startup.js';

export const EX_CONFIG = 78;

export interface ProcessEdges {
  writeError(line: string): void;
  exit(code: number): void;
  onSignal(signal: 'SIGINT' | 'SIGTERM', handler: () => void): void;
}

export async function runGatewayProcess(env: Env, edges: ProcessEdges): Promise<RunningGateway | null> {
  let running: RunningGateway;
  try {
    running = await startFromEnv(env);
  } catch (err) {
    if (err instanceof GatewayError && err.code === 'CONFIG') {
      edges.writeError(`contact-gateway: configuration error: ${err.message}\n`);
      edges.exit(EX_CONFIG);
      return null;
    }
    throw err;
  }
  const { gateway, logger, demo } = running;
  for (const [system, url] of demo) logger.info({ system, url }, 'demo: simulator started');
  logger.info({ url: gateway.url, demo: demo.size > 0 }, `contact gateway ready at ${gateway.url}`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    running.close().then(
      () => edges.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        edges.exit(1);
      },
    );
  };
  edges.onSignal('SIGINT', () => stop('SIGINT'));
  edges.onSignal('SIGTERM', () => stop('SIGTERM'));
  return running;
}

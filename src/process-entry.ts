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
    const message = err instanceof GatewayError && err.code === 'CONFIG' ? err.message : listenFailure(err);
    if (message !== null) {
      edges.writeError(`contact-gateway: configuration error: ${message}\n`);
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

/** A port that is taken or not ours to bind is a setting to change, said in one line like the others. */
function listenFailure(err: unknown): string | null {
  const failure = err as NodeJS.ErrnoException & { address?: string; port?: number };
  if (!(err instanceof Error) || failure.syscall !== 'listen') return null;
  const where = `${failure.port ?? '?'} ${failure.code === 'EADDRINUSE' ? 'is already in use' : 'cannot be bound'} on ${failure.address ?? '?'}`;
  if (failure.code === 'EADDRINUSE') return `PORT ${where}; set PORT to a free port (or HOST to another address)`;
  if (failure.code === 'EACCES') return `PORT ${where} (ports below 1024 need privileges); set PORT to a port from 1024 up`;
  if (failure.code === 'EADDRNOTAVAIL') return `HOST ${failure.address ?? '?'} is not an address of this machine; set HOST to one (e.g. 127.0.0.1)`;
  return null;
}

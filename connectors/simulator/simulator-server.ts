// Starts a node:http server for a simulator on an ephemeral (or given) port and stops it cleanly.
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SimulatorServerOptions {
  /** Interface to bind; defaults to 127.0.0.1 (simulators never need to be reachable from outside). */
  readonly host?: string;
  /** 0 (the default) lets the OS pick a free port. */
  readonly port?: number;
}

export interface RunningSimulator {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:54321`. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and destroys every open connection, keep-alive ones included. */
  close(): Promise<void>;
}

export async function startSimulatorServer(
  handler: RequestListener,
  options: SimulatorServerOptions = {},
): Promise<RunningSimulator> {
  const host = options.host ?? '127.0.0.1';
  const requestedPort = options.port ?? 0;
  if (!(Number.isInteger(requestedPort) && requestedPort >= 0 && requestedPort <= 65535)) {
    throw new RangeError(`port must be an integer between 0 and 65535, but got: ${String(requestedPort)}`);
  }
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(requestedPort, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost(host)}:${port}`,
    port,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Without this, close() waits for idle keep-alive sockets held by undici pools.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** A wildcard bind address is not something a client can dial; loopback is. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

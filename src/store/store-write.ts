// Turns a failed storage call into a GatewayError, so callers (the indexer's log, readyz) see a code.
import { GatewayError, isGatewayError } from '../errors/gateway-error.js';

/** Runs one storage operation; a failure becomes INTERNAL (retryable: storage outages pass). */
export async function storeWrite<T>(what: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (err) {
    if (isGatewayError(err)) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    throw new GatewayError('INTERNAL', `store could not ${what}: ${reason}`, { retryable: true, cause: err });
  }
}

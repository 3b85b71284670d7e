// One write item's failure as the error its WriteOutcome carries, the same way in every connector.
import { GatewayError, isGatewayError } from '../src/errors/gateway-error.js';
import type { System } from '../src/model/system.js';

/**
 * A GatewayError passes through. Anything else is a bug or an internal failure whose text may hold
 * internals (a URL with a key, a stack detail): outcomes reach GraphQL clients, so the text stays in
 * `cause`, for the log, and the message only says who failed.
 */
export function writeFailure(system: System, err: unknown): GatewayError {
  if (isGatewayError(err)) return err;
  return new GatewayError('INTERNAL', `${system} write failed unexpectedly`, { system, cause: err });
}

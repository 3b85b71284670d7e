// The one shape of a rejected mutation input: BAD_USER_INPUT naming the field path, the contract and the value.
import { GatewayError } from '../../errors/gateway-error.js';

/** "input.emails[1].address must be an email address, but got: "ada@"" — `argument` is the path. */
export function invalidInput(path: string, expected: string, received: unknown): GatewayError {
  return GatewayError.badInput(path, `${path} must be ${expected}, but got: ${JSON.stringify(received) ?? String(received)}`);
}

// Checks an id argument before anything is looked up: malformed ids are the caller's mistake.
import { GatewayError } from '../src/errors/gateway-error.js';
import type { EntityType } from '../src/model/system.js';
import { parseUnifiedId } from '../src/store/unified-id.js';

/** The entity the id names; throws BAD_USER_INPUT naming the argument when the id is malformed. */
export function entityOfId(id: string, argument = 'id'): EntityType {
  const parsed = parseUnifiedId(id);
  if (!parsed) {
    throw GatewayError.badInput(argument, `Argument "${argument}" must be a gateway id such as "per_…", "org_…" or "don_…", but got: ${JSON.stringify(id)}`);
  }
  return parsed.entity;
}

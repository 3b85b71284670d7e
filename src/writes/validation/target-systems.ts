// Decides which CRMs a create goes to: the `systems` argument (checked) or every configured CRM.
import type { Connector, EntityCapabilities } from '../../../connectors/connector.js';
import { GatewayError } from '../../errors/gateway-error.js';
import type { EntityType, System } from '../../model/system.js';
import type { WriteOp } from '../../store/outbox.js';
import { invalidInput } from './input-error.js';
import { ENTITY_NOUNS } from './known-ids.js';

export interface TargetSystem {
  system: System;
  connector: Connector;
  /** Why the write is not sent there (the CRM cannot hold or do it), or null. */
  skipReason: string | null;
}

/** Why `connector` cannot do `op` on the entity, or null when it can. */
export function cannotWrite(connector: Connector, entity: EntityType, op: WriteOp): string | null {
  const capability = connector.capabilities[entity] as EntityCapabilities<EntityType> | null;
  const many = ENTITY_NOUNS[entity].many;
  if (capability === null) return `${connector.system} does not hold ${many}`;
  if (op === 'CREATE' && !capability.create) return `${connector.system} is not set up to create ${many}`;
  if (op === 'UPDATE' && !capability.update) return `${connector.system} cannot change ${many}`;
  if (op === 'DELETE' && capability.delete === 'NONE') return `${connector.system} cannot delete ${many}`;
  return null;
}

/**
 * Without `requested`: every configured CRM, those that cannot create the entity marked skipped
 * (so the result names them). With it: exactly those, each configured and able to create the
 * entity, or BAD_USER_INPUT naming `systems[i]`.
 */
export function createTargets(connectors: readonly Connector[], entity: EntityType, requested: readonly System[] | null | undefined): TargetSystem[] {
  if (requested === null || requested === undefined) {
    return connectors.map((connector) => ({ system: connector.system, connector, skipReason: cannotWrite(connector, entity, 'CREATE') }));
  }
  if (requested.length === 0) throw GatewayError.badInput('systems', 'systems must name at least one system (or be left out for every configured one), but got: []');
  const able = connectors.filter((c) => cannotWrite(c, entity, 'CREATE') === null);
  return [...new Set(requested)].map((system) => {
    const connector = able.find((c) => c.system === system);
    if (!connector) {
      const choices = able.map((c) => c.system).join(', ') || 'none is';
      throw invalidInput(`systems[${requested.indexOf(system)}]`, `a configured system that can create ${ENTITY_NOUNS[entity].many} (${choices})`, system);
    }
    return { system, connector, skipReason: null };
  });
}

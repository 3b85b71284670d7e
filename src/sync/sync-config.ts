// Reads and validates the sync's SYNC_* propagation variables once, at start (SYNC_INTERVAL_MS is
// the core's: it schedules the pulls whether or not anything is propagated).
import { z } from 'zod';
import type { Env } from '../../connectors/connector-module.js';
import { EnvVariables } from '../env-variables.js';
import type { EntityType } from '../model/system.js';
import { DEFAULT_SYNC_POLICY, parseEntities, parseFlows, type Flow, type SyncPolicy } from './sync-policy.js';

/** A zod rule from a parser that throws an Error saying what is wrong. */
function parsed<T>(parse: (text: string) => T) {
  return z.string().transform((text, ctx) => {
    try {
      return parse(text);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
      return z.NEVER;
    }
  });
}

const FLOWS = { schema: parsed(parseFlows), expects: 'FROM>TO pairs of CIVICRM, ACTION_NETWORK, VTIGER or * separated by commas (e.g. `*>*`, `*>CIVICRM`), or `none`' };
const ENTITIES = { schema: parsed(parseEntities), expects: 'entities (PERSON, ORGANIZATION, DONATION) separated by commas, `*` for all, or `none`' };

const variables = new EnvVariables({
  SYNC_PERSON_FLOWS: { ...FLOWS, doc: 'Which CRMs\' person changes are written to which CRMs\' twins, as `FROM>TO` pairs (default `*>*`: every way; `none`: pull only).' },
  SYNC_ORGANIZATION_FLOWS: { ...FLOWS, doc: 'The same for organizations (default `*>*`).' },
  SYNC_DONATION_FLOWS: { ...FLOWS, doc: 'The same for donations (default `*>CIVICRM`: donations flow into CiviCRM only).' },
  SYNC_CREATE_TWINS: { ...ENTITIES, doc: 'Entities whose records get a twin created in a CRM a flow leads to when they have none there (default `*`).' },
  SYNC_PROPAGATE_DELETES: { ...ENTITIES, doc: 'Entities whose deletion (CiviCRM trash or delete, Vtiger delete) is carried along the flows: twins are deleted, or unsubscribed in Action Network (default `*`).' },
});

export const SYNC_VARIABLES = variables.docs;

export function readSyncPolicy(env: Env): SyncPolicy {
  const flows = (name: 'SYNC_PERSON_FLOWS' | 'SYNC_ORGANIZATION_FLOWS' | 'SYNC_DONATION_FLOWS', entity: EntityType): readonly Flow[] =>
    variables.read(env, name) ?? DEFAULT_SYNC_POLICY.flows[entity];
  return {
    flows: {
      PERSON: flows('SYNC_PERSON_FLOWS', 'PERSON'),
      ORGANIZATION: flows('SYNC_ORGANIZATION_FLOWS', 'ORGANIZATION'),
      DONATION: flows('SYNC_DONATION_FLOWS', 'DONATION'),
    },
    createTwins: variables.read(env, 'SYNC_CREATE_TWINS') ?? DEFAULT_SYNC_POLICY.createTwins,
    propagateDeletes: variables.read(env, 'SYNC_PROPAGATE_DELETES') ?? DEFAULT_SYNC_POLICY.propagateDeletes,
  };
}

// What the sync copies where: per entity, which CRM's changes flow into which CRM's twins, whether
// a record with no twin in a CRM gets one created there, and whether deletions travel too.
import { ENTITY_TYPES, SYSTEMS, type EntityType, type System } from '../model/system.js';

/** Changes of records in `from` are written to their twins in `to`. */
export interface Flow {
  from: System;
  to: System;
}

export interface SyncPolicy {
  flows: Readonly<Record<EntityType, readonly Flow[]>>;
  /** Entities whose records get a twin created in every CRM a flow leads to, when they have none there. */
  createTwins: ReadonlySet<EntityType>;
  /** Entities whose deletion (CiviCRM trash or delete, Vtiger delete) is carried along the flows. */
  propagateDeletes: ReadonlySet<EntityType>;
}

/** Every ordered pair of distinct CRMs. */
function everyWay(): Flow[] {
  return SYSTEMS.flatMap((from) => SYSTEMS.filter((to) => to !== from).map((to) => ({ from, to })));
}

/** People and organizations both ways between all CRMs; donations into CiviCRM only. */
export const DEFAULT_SYNC_POLICY: SyncPolicy = Object.freeze({
  flows: Object.freeze({
    PERSON: everyWay(),
    ORGANIZATION: everyWay(),
    DONATION: parseFlows('*>CIVICRM'),
  }),
  createTwins: new Set<EntityType>(ENTITY_TYPES),
  propagateDeletes: new Set<EntityType>(ENTITY_TYPES),
});

/** Pulls only: nothing is copied between CRMs. */
export const NO_PROPAGATION: SyncPolicy = Object.freeze({
  flows: Object.freeze({ PERSON: [], ORGANIZATION: [], DONATION: [] }),
  createTwins: new Set<EntityType>(),
  propagateDeletes: new Set<EntityType>(),
});

/**
 * Reads "CIVICRM>VTIGER, VTIGER>CIVICRM" (`*` stands for every CRM; a flow from a CRM to itself
 * is left out), or "none". Throws an Error saying what is wrong; the caller names the variable.
 */
export function parseFlows(text: string): Flow[] {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === 'none') return [];
  const flows: Flow[] = [];
  for (const part of trimmed.split(',').map((p) => p.trim())) {
    const sides = part.split('>').map((s) => s.trim().toUpperCase());
    if (sides.length !== 2 || !sides[0] || !sides[1]) throw new Error(`"${part}" is not FROM>TO`);
    const [from, to] = sides.map(systemsNamed) as [System[], System[]];
    for (const f of from) for (const t of to) if (f !== t && !flows.some((x) => x.from === f && x.to === t)) flows.push({ from: f, to: t });
  }
  return flows;
}

/** Reads "PERSON,ORGANIZATION" (or "none", or "*" for all). Throws an Error saying what is wrong. */
export function parseEntities(text: string): Set<EntityType> {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === 'none') return new Set();
  if (trimmed === '*') return new Set(ENTITY_TYPES);
  const out = new Set<EntityType>();
  for (const name of trimmed.split(',').map((p) => p.trim().toUpperCase())) {
    if (!(ENTITY_TYPES as readonly string[]).includes(name)) throw new Error(`"${name}" is not one of ${ENTITY_TYPES.join(', ')}`);
    out.add(name as EntityType);
  }
  return out;
}

function systemsNamed(name: string): System[] {
  if (name === '*') return [...SYSTEMS];
  if (!(SYSTEMS as readonly string[]).includes(name)) throw new Error(`"${name}" is not one of ${SYSTEMS.join(', ')} or *`);
  return [name as System];
}

/** The CRMs a change of `entity` in `from` is written to. */
export function flowTargets(policy: SyncPolicy, entity: EntityType, from: System): System[] {
  return policy.flows[entity].filter((flow) => flow.from === from).map((flow) => flow.to);
}

/** Whether a change of `entity` in `from` is written to `to`. */
export function flows(policy: SyncPolicy, entity: EntityType, from: System, to: System): boolean {
  return policy.flows[entity].some((flow) => flow.from === from && flow.to === to);
}

// Decides, for one unified object whose twins changed, what each twin must be told: pure, so the
// rules can be read and tested apart from the store and the outbox.
//
// A field is settled only when a twin changed it since the last reconcile (or when a twin is new
// to the object: then every twin's values count as fresh). One changed value goes to every other
// twin that holds the field and that a flow leads to; different changed values are a conflict,
// won by MERGE_FIELD_PRIORITY's order for that field when it names one of them, else by the later
// modification. Twins that already hold the winning value are left alone — that, with the echo
// ledger, is what keeps a write from bouncing between CRMs.
import type { DateTime } from 'luxon';
import type { MergePolicy } from '../identity/merge-policy.js';
import { SYSTEMS, type EntityType, type System } from '../model/system.js';
import { fieldHash, hasValue, type FieldHashes } from './field-values.js';
import type { ConflictRule, NewSyncConflict } from './sync-conflict.js';
import { flows, type SyncPolicy } from './sync-policy.js';

export interface TwinState {
  system: System;
  remoteId: string;
  /** Portable unified data (see field-values.ts). */
  data: Readonly<Record<string, unknown>>;
  modifiedAt: DateTime | null;
  /** Unified fields this CRM holds for the entity. */
  held: ReadonlySet<string>;
  /** Field hashes before its change; null: newly linked; undefined: unchanged since the last reconcile. */
  previous: FieldHashes | null | undefined;
}

/** A CRM that holds the entity but has no twin of the object, and could get one created. */
export interface MissingTwin {
  system: System;
  held: ReadonlySet<string>;
}

export interface ReconcileInput {
  entity: EntityType;
  unifiedId: string;
  twins: readonly TwinState[];
  missing: readonly MissingTwin[];
  policy: SyncPolicy;
  mergePolicy: MergePolicy;
  /** Whether a reference (a unified id) can be written to `system`: it has a twin there, or one is being created. */
  resolvable: (system: System, unifiedId: string) => boolean;
  /** Reference fields a write of the entity cannot do without (a donation's donor). */
  requiredReferences: readonly string[];
}

export interface PlannedUpdate {
  system: System;
  remoteId: string;
  /** Portable values of the fields to change. */
  patch: Record<string, unknown>;
  /** The CRM whose change this carries (the first winner's, when several fields go). */
  origin: System;
}

export interface PlannedCreate {
  system: System;
  /** The whole portable data for the new twin. */
  payload: Record<string, unknown>;
  origin: System;
}

export interface ReconcilePlan {
  updates: PlannedUpdate[];
  creates: PlannedCreate[];
  conflicts: NewSyncConflict[];
}

function modified(twin: TwinState): number {
  return twin.modifiedAt?.toMillis() ?? 0;
}

/** Order for winning: the field's priority systems first, then the later modification, then SYSTEMS order. */
function ranked(twins: readonly TwinState[], priority: readonly System[]): TwinState[] {
  const position = (s: System) => (priority.includes(s) ? priority.indexOf(s) : priority.length);
  return [...twins].sort((a, b) => position(a.system) - position(b.system) || modified(b) - modified(a) || SYSTEMS.indexOf(a.system) - SYSTEMS.indexOf(b.system));
}

export function planReconcile(input: ReconcileInput): ReconcilePlan {
  const { twins, policy, entity } = input;
  const plan: ReconcilePlan = { updates: [], creates: [], conflicts: [] };
  const fresh = twins.some((t) => t.previous === null);
  const changed = (twin: TwinState, field: string): boolean => {
    if (fresh) return hasValue(field, twin.data[field]);
    const before = twin.previous?.[field];
    return before !== undefined && before !== fieldHash(field, twin.data[field]);
  };
  const updates = new Map<string, PlannedUpdate>();
  const fields = new Set(twins.flatMap((t) => [...t.held]));

  for (const field of fields) {
    const holders = twins.filter((t) => t.held.has(field));
    const changers = holders.filter((t) => changed(t, field));
    if (changers.length === 0) continue;
    const priority = input.mergePolicy.fieldPriority[field] ?? [];
    const winner = ranked(changers, priority)[0]!;
    const winning = fieldHash(field, winner.data[field]);
    const disagreeing = changers.filter((t) => fieldHash(field, t.data[field]) !== winning);
    if (disagreeing.length > 0) {
      const rule: ConflictRule = priority.some((s) => changers.some((t) => t.system === s)) ? 'SYSTEM_PRIORITY' : 'LATER_MODIFICATION';
      plan.conflicts.push({
        entity,
        unifiedId: input.unifiedId,
        field,
        values: changers.map((t) => ({ system: t.system, remoteId: t.remoteId, value: t.data[field] ?? null, modifiedAt: t.modifiedAt })),
        winner: winner.system,
        rule,
      });
    }
    for (const twin of holders) {
      if (twin === winner || fieldHash(field, twin.data[field]) === winning) continue;
      if (!flows(policy, entity, winner.system, twin.system)) continue;
      const key = `${twin.system}:${twin.remoteId}`;
      const update = updates.get(key) ?? { system: twin.system, remoteId: twin.remoteId, patch: {}, origin: winner.system };
      update.patch[field] = winner.data[field] ?? null;
      updates.set(key, update);
    }
  }
  plan.updates = [...updates.values()];
  if (policy.createTwins.has(entity)) plan.creates = plannedCreates(input);
  return plan;
}

/** A new twin in each missing CRM a flow leads to, from the twins that flow there. */
function plannedCreates(input: ReconcileInput): PlannedCreate[] {
  const creates: PlannedCreate[] = [];
  for (const missing of input.missing) {
    const sources = input.twins.filter((t) => flows(input.policy, input.entity, t.system, missing.system));
    if (sources.length === 0) continue;
    const payload: Record<string, unknown> = {};
    const fields = new Set(sources.flatMap((t) => Object.keys(t.data)));
    for (const field of fields) {
      const priority = input.mergePolicy.fieldPriority[field] ?? [];
      const withValue = sources.filter((t) => hasValue(field, t.data[field]));
      payload[field] = (ranked(withValue, priority)[0] ?? ranked(sources, priority)[0]!).data[field] ?? null;
    }
    const unresolved = input.requiredReferences.some((field) => typeof payload[field] !== 'string' || !input.resolvable(missing.system, payload[field] as string));
    if (unresolved) continue;
    creates.push({ system: missing.system, payload, origin: ranked(sources, [])[0]!.system });
  }
  return creates;
}

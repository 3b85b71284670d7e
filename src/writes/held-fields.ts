// Splits a write's payload into what a CRM can hold and what it cannot (reported as skipped fields).
import type { EntityType } from '../model/system.js';
import type { WriteOp } from '../store/outbox.js';
import { inputFieldName } from './reference-fields.js';

/** A create's defaults (null, [], false) were not asked for: only values worth keeping are reported. */
function asked(op: WriteOp, value: unknown): boolean {
  if (op !== 'CREATE') return true;
  return value !== null && value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0);
}

export interface HeldSplit<T extends object> {
  /** The payload without the fields the CRM cannot hold. */
  held: Partial<T>;
  /** Input names of the fields left out that the write asked for. */
  skippedFields: string[];
}

export function splitHeld<T extends object>(entity: EntityType, capability: { fields: readonly string[] }, op: WriteOp, payload: Partial<T>): HeldSplit<T> {
  const fields = new Set<string>(capability.fields);
  const held: Record<string, unknown> = {};
  const skippedFields: string[] = [];
  for (const [field, value] of Object.entries(payload)) {
    if (fields.has(field)) held[field] = value;
    else if (asked(op, value)) skippedFields.push(inputFieldName(entity, field));
  }
  return { held: held as Partial<T>, skippedFields };
}

// Writes through Contact's primary-record joins (`email_primary.email`, `address_primary.country_id:name`…).
import type { EntityRegistry } from '../schema/entity-registry.js';
import type { StoredRow, StoredValue } from '../schema/field-spec.js';
import type { WriteContext } from './entity-rules.js';

export interface JoinWriter {
  create(entity: string, values: Record<string, unknown>, ctx: WriteContext): StoredRow;
  update(entity: string, id: number, values: Record<string, unknown>, ctx: WriteContext): StoredRow;
}

/**
 * For each join written, updates the contact's primary row of that entity, or creates one
 * (as primary) when there is none. An all-empty write does not create a row
 * (UNCONFIRMED: what Civi does with `email_primary.email: ""` on a contact without email).
 * Returns the echo the create result carries, observed as the joined column with its
 * suffix resolved: `"address_primary.country_id": 1228`.
 */
export function writePrimaryJoins(
  registry: EntityRegistry,
  writer: JoinWriter,
  contactId: number,
  joins: ReadonlyMap<string, Record<string, unknown>>,
  ctx: WriteContext,
): Record<string, StoredValue> {
  const echo: Record<string, StoredValue> = {};
  for (const [via, values] of joins) {
    const target = registry.field('Contact', via)?.primaryOf;
    if (!target) continue;
    const existingId = ctx.store.primaryId(target, contactId);
    let row: StoredRow | undefined;
    if (existingId !== null) {
      row = writer.update(target, existingId, values, ctx);
    } else if (Object.values(values).some((v) => v !== null && v !== undefined && v !== '')) {
      row = writer.create(target, { ...values, contact_id: contactId, is_primary: true }, ctx);
    }
    for (const key of Object.keys(values)) {
      const column = key.split(':', 1)[0] as string;
      echo[`${via}.${column}`] = row?.[column] ?? null;
    }
  }
  return echo;
}

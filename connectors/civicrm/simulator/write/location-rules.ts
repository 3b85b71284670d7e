// Write rules shared by Email, Phone and Address: one primary per contact, contact modified_date bumps.
import type { StoredRow } from '../schema/field-spec.js';
import { STATE_PROVINCES } from '../schema/state-provinces.js';
import type { EntityRules, WriteContext } from './entity-rules.js';

function locationRules(entity: 'Email' | 'Phone' | 'Address', extra: Partial<EntityRules>): EntityRules {
  return {
    ...extra,
    createDefaults: (values, ctx) => ({ location_type_id: 1, ...extra.createDefaults?.(values, ctx) }),

    afterSave(row, change, ctx) {
      const contactId = row.contact_id;
      if (typeof contactId !== 'number') return;
      const siblings = ctx.store.where(entity, 'contact_id', contactId).filter((r) => r.id !== row.id);
      if (row.is_primary === true && change.given.has('is_primary')) {
        // Setting is_primary on one clears it on the others (CRM_Core_BAO_Block::handlePrimary).
        for (const other of siblings) if (other.is_primary) ctx.store.patch(entity, other.id as number, { is_primary: false });
      } else if (row.is_primary !== true && !siblings.some((r) => r.is_primary === true)) {
        // The first location row of a contact becomes primary automatically.
        ctx.store.patch(entity, row.id as number, { is_primary: true });
        change.touched.add('is_primary');
      }
      ctx.cascade.touchContact(contactId, ctx);
    },

    afterDelete(row, ctx) {
      const contactId = row.contact_id;
      if (typeof contactId !== 'number') return;
      if (row.is_primary === true) promoteNext(entity, contactId, ctx);
      ctx.cascade.touchContact(contactId, ctx);
    },
  };
}

/** After the primary row goes, the oldest remaining one takes over (Civi keeps one primary). */
function promoteNext(entity: string, contactId: number, ctx: WriteContext): void {
  const next = ctx.store.where(entity, 'contact_id', contactId)[0];
  if (next) ctx.store.patch(entity, next.id as number, { is_primary: true });
}

export const emailRules = locationRules('Email', {
  createDefaults: () => ({ on_hold: 0 }),
});

export const phoneRules = locationRules('Phone', {
  derive(row: StoredRow) {
    // A database trigger keeps the digits-only copy that phone searches use.
    row.phone_numeric = typeof row.phone === 'string' ? row.phone.replace(/\D/g, '') : null;
  },
});

export const addressRules = locationRules('Address', {
  derive(row: StoredRow) {
    // Civi fills the country in from the state/province when only the latter is given.
    if ((row.country_id ?? null) === null && typeof row.state_province_id === 'number') {
      row.country_id = STATE_PROVINCES.find((s) => s.id === row.state_province_id)?.countryId ?? null;
    }
  },
});

// Contact write rules: defaults, display/sort names, employer name, cascade on permanent delete.
import { createHash } from 'node:crypto';
import type { StoredRow } from '../schema/field-spec.js';
import { INDIVIDUAL_PREFIXES, INDIVIDUAL_SUFFIXES } from '../schema/option-lists.js';
import type { EntityRules } from './entity-rules.js';

const NAME_COLUMNS = ['display_name', 'sort_name', 'email_greeting_display', 'postal_greeting_display', 'addressee_display'];

export const contactRules: EntityRules = {
  createDefaults(values, ctx) {
    const type = typeof values.contact_type === 'string' ? values.contact_type : 'Individual';
    return {
      contact_type: 'Individual',
      do_not_email: false,
      do_not_phone: false,
      do_not_mail: false,
      do_not_sms: false,
      do_not_trade: false,
      is_opt_out: false,
      preferred_language: 'en_US',
      // Deterministic so that seeded data is identical on every run.
      hash: createHash('md5').update(`${ctx.nowMs}:${JSON.stringify(values)}`).digest('hex'),
      communication_style_id: 1,
      ...(type === 'Individual' ? { email_greeting_id: 1, postal_greeting_id: 1, addressee_id: 1 } : {}),
      ...(type === 'Organization' ? { addressee_id: 3 } : {}),
      is_deleted: false,
      preferred_mail_format: 'Both',
    };
  },

  derive(row, change, ctx) {
    if (change.given.has('employer_id') && row.contact_type === 'Individual') {
      // Civi copies the current employer's name onto the individual (and clears it with the employer).
      const employer = typeof row.employer_id === 'number' ? ctx.store.find('Contact', row.employer_id) : undefined;
      row.organization_name = employer ? (employer.organization_name ?? null) : null;
      change.touched.add('organization_name');
    }
    const names = computeNames(row);
    for (const column of NAME_COLUMNS) {
      const value = names[column];
      // A name-less individual keeps what it had (its email, see afterJoins).
      if (value === undefined || (value === '' && row[column])) continue;
      row[column] = value;
      // Greetings are filled in after the save in Civi, so only the names show in the create result.
      if (value !== null && (column === 'display_name' || column === 'sort_name')) change.touched.add(column);
    }
  },

  afterJoins(row, change, ctx) {
    if (row.display_name) return;
    const emailId = ctx.store.primaryId('Email', row.id as number);
    const email = emailId === null ? undefined : ctx.store.find('Email', emailId)?.email;
    if (typeof email === 'string' && email !== '') {
      // Civi names a contact without names after its email.
      ctx.store.patch('Contact', row.id as number, { display_name: email, sort_name: email });
      change.touched.add('display_name').add('sort_name');
    }
  },

  afterDelete(row, ctx) {
    const id = row.id as number;
    for (const entity of ['Email', 'Phone', 'Address', 'Website', 'Contribution', 'ContributionRecur']) {
      for (const child of ctx.store.where(entity, 'contact_id', id)) ctx.cascade.remove(entity, child.id as number, ctx);
    }
    // The employer relationship goes with the organization.
    for (const employee of ctx.store.where('Contact', 'employer_id', id)) {
      ctx.store.patch('Contact', employee.id as number, { employer_id: null, organization_name: null });
    }
  },
};

function computeNames(row: StoredRow): Record<string, string | null> {
  const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
  const join = (...parts: string[]): string => parts.filter((p) => p !== '').join(' ');
  if (row.contact_type === 'Organization') {
    const name = text(row.organization_name);
    return { display_name: name, sort_name: name, addressee_display: name, email_greeting_display: null, postal_greeting_display: null };
  }
  if (row.contact_type === 'Household') {
    const name = text(row.household_name);
    return { display_name: name, sort_name: name, addressee_display: name, email_greeting_display: `Dear ${name}`, postal_greeting_display: `Dear ${name}` };
  }
  const first = text(row.first_name);
  const last = text(row.last_name);
  const prefix = INDIVIDUAL_PREFIXES.find((o) => o.id === row.prefix_id)?.label ?? '';
  const suffix = INDIVIDUAL_SUFFIXES.find((o) => o.id === row.suffix_id)?.label ?? '';
  const display = join(prefix, first, last, suffix);
  const sort = last && first ? `${last}, ${first}` : last || first;
  return {
    display_name: display,
    sort_name: sort,
    email_greeting_display: first ? `Dear ${first}` : '',
    postal_greeting_display: first ? `Dear ${first}` : '',
    addressee_display: join(prefix, first, text(row.middle_name), last, suffix),
  };
}


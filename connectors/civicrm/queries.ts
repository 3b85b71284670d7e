// What the connector asks CiviCRM for, declared once: the columns each read selects (the same
// API names the field tables write) and the zod schema each row is checked against.
import type { z } from 'zod';
import { GatewayError } from '../../src/errors/gateway-error.js';
import type { EntityType } from '../../src/model/system.js';
import type { ApiCall } from './child-rows.js';
import type { CiviRow } from './client.js';
import { addressRow, contactRow, contributionRow, emailRow, lineItemRow, phoneRow, websiteRow } from './raw.js';

export interface RowQuery<S extends z.ZodType = z.ZodType> {
  entity: string;
  schema: S;
  select: readonly string[];
}

function query<S extends z.ZodObject>(entity: string, schema: S): RowQuery<S> {
  return { entity, schema, select: Object.keys(schema.shape) };
}

export const CONTACT = query('Contact', contactRow);
export const EMAIL = query('Email', emailRow);
export const PHONE = query('Phone', phoneRow);
export const ADDRESS = query('Address', addressRow);
export const WEBSITE = query('Website', websiteRow);
// Selecting created_date/modified_date is harmless before 6.9: unknown select fields are ignored.
export const CONTRIBUTION = query('Contribution', contributionRow);
export const LINE_ITEM = query('LineItem', lineItemRow);

/** The contact_type each contact-backed entity is stored as. */
export const CONTACT_TYPE: Readonly<Record<Exclude<EntityType, 'DONATION'>, string>> = {
  PERSON: 'Individual',
  ORGANIZATION: 'Organization',
};

/** A get of `q`'s columns, oldest row first so lists keep CiviCRM's creation order. */
export function getCall(q: RowQuery<z.ZodType>, where: unknown[], extra: Record<string, unknown> = {}): ApiCall {
  return [q.entity, 'get', { select: [...q.select], where, orderBy: { id: 'ASC' }, ...extra }];
}

/** Rows checked against the CRM record type; a row of another shape is a MAPPING error naming the call. */
export function parseRows<S extends z.ZodType>(q: RowQuery<S>, rows: readonly CiviRow[]): z.output<S>[] {
  return rows.map((row) => {
    const parsed = q.schema.safeParse(row);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new GatewayError(
      'MAPPING',
      `CIVICRM ${q.entity}.get returned a row whose ${issue?.path.join('.') || 'shape'} is not as expected (${issue?.message ?? 'invalid'}), for id ${JSON.stringify(row['id'])}`,
      { system: 'CIVICRM' },
    );
  });
}

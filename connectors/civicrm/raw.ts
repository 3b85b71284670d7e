// CiviCRM's own record and envelope types (APIv4, as observed on 5.77), validated where they enter.
import { z } from 'zod';

// Ids are JSON ints on 5.77; older sites and some joins send numeric strings.
const id = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);
// Booleans are true/false on get, but 0/1 (or "0"/"1") appear in create results and old sites.
const flag = z
  .union([z.boolean(), z.number(), z.string()])
  .transform((v) => v === true || v === 1 || v === '1');
const text = z.string().nullable();
const optText = text.optional().transform((v) => v ?? null);
const optFlag = flag.nullable().optional().transform((v) => v ?? false);
// Money fields are JSON numbers (125.5, 20) but a string "125.50" is accepted too.
const amount = z.union([z.number(), z.string()]);

/** One APIv4 call's success envelope; `values` is a list unless `index` was given. */
export const civiEnvelope = z.object({
  values: z.union([z.array(z.record(z.string(), z.unknown())), z.record(z.string(), z.unknown())]),
  entity: z.string().optional(),
  action: z.string().optional(),
  count: z.number().optional(),
  countFetched: z.number().optional(),
  countMatched: z.number().optional(),
});
export type CiviEnvelope = z.infer<typeof civiEnvelope>;

/** An APIv4 error body: no `values`; the intended HTTP status in `status` (or `error_code` for 400/405). */
export const civiErrorBody = z.object({
  error_code: z.union([z.number(), z.string()]),
  error_message: z.string(),
  status: z.number().optional(),
});
export type CiviErrorBody = z.infer<typeof civiErrorBody>;

export const contactRow = z.object({
  id,
  contact_type: z.string(),
  first_name: optText,
  last_name: optText,
  organization_name: optText,
  preferred_language: optText,
  birth_date: optText,
  employer_id: id.nullable().optional().transform((v) => v ?? null),
  is_opt_out: optFlag,
  do_not_email: optFlag,
  is_deleted: optFlag,
  created_date: optText,
  modified_date: optText,
});
export type ContactRow = z.infer<typeof contactRow>;

export const emailRow = z.object({
  id,
  contact_id: id,
  email: optText,
  is_primary: optFlag,
  on_hold: z.union([z.number(), z.string()]).nullable().optional().transform((v) => Number(v ?? 0)),
  'location_type_id:name': optText,
});
export type EmailRow = z.infer<typeof emailRow>;

export const phoneRow = z.object({
  id,
  contact_id: id,
  phone: optText,
  is_primary: optFlag,
  'phone_type_id:name': optText,
  'location_type_id:name': optText,
});
export type PhoneRow = z.infer<typeof phoneRow>;

export const addressRow = z.object({
  id,
  contact_id: id,
  street_address: optText,
  supplemental_address_1: optText,
  supplemental_address_2: optText,
  supplemental_address_3: optText,
  city: optText,
  postal_code: optText,
  'state_province_id:abbr': optText,
  'country_id:name': optText,
  is_primary: optFlag,
  'location_type_id:name': optText,
});
export type AddressRow = z.infer<typeof addressRow>;

export const websiteRow = z.object({
  id,
  contact_id: id,
  url: optText,
  'website_type_id:name': optText,
});
export type WebsiteRow = z.infer<typeof websiteRow>;

export const contributionRow = z.object({
  id,
  contact_id: id.nullable(),
  total_amount: amount,
  currency: optText,
  receive_date: optText,
  'financial_type_id:name': optText,
  contribution_recur_id: id.nullable().optional().transform((v) => v ?? null),
  // Present only from CiviCRM 6.9 (see the connector's listing fallback).
  created_date: optText,
  modified_date: optText,
});
export type ContributionRow = z.infer<typeof contributionRow>;

export const lineItemRow = z.object({
  id,
  contribution_id: id.nullable(),
  label: optText,
  qty: z.number().nullable().optional(),
  unit_price: amount.nullable().optional(),
  line_total: amount,
});
export type LineItemRow = z.infer<typeof lineItemRow>;

/** The id every create/update/delete result row carries. */
export const idRow = z.object({ id });

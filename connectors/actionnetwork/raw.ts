// Action Network's own record shapes (OSDI 1.1.1, HAL+JSON), validated with zod where responses enter.
import { z } from 'zod';

const halLink = z.object({ href: z.string() });
export type HalLink = z.output<typeof halLink>;

/** `_links`: one link or a list of links per relation; only hrefs are read. */
const halLinks = z.record(z.string(), z.union([halLink, z.array(halLink)])).optional();

/** Absent and null mean the same to Action Network; the gateway reads both as null. */
const nullableString = z
  .string()
  .nullish()
  .transform((value) => value ?? null);

export const emailAddressSchema = z.object({
  address: z.string(),
  primary: z.boolean().optional(),
  /** subscribed, unsubscribed, bouncing, previous bounce, spam complaint, previous spam complaint. */
  status: z.string().optional(),
});
export type ActionNetworkEmail = z.output<typeof emailAddressSchema>;

export const phoneNumberSchema = z.object({
  number: z.string(),
  primary: z.boolean().optional(),
  /** "Mobile" in practice; Home/Work are accepted and read. */
  number_type: z.string().optional(),
  status: z.string().optional(),
});
export type ActionNetworkPhone = z.output<typeof phoneNumberSchema>;

export const postalAddressSchema = z.object({
  primary: z.boolean().optional(),
  address_lines: z.array(z.string()).optional(),
  locality: z.string().nullish(),
  region: z.string().nullish(),
  postal_code: z.string().nullish(),
  country: z.string().nullish(),
  language: z.string().nullish(),
});
export type ActionNetworkAddress = z.output<typeof postalAddressSchema>;

const customFieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const personSchema = z.object({
  identifiers: z.array(z.string()),
  created_date: z.string(),
  modified_date: z.string(),
  given_name: nullableString,
  family_name: nullableString,
  email_addresses: z.array(emailAddressSchema).default([]),
  phone_numbers: z.array(phoneNumberSchema).default([]),
  postal_addresses: z.array(postalAddressSchema).default([]),
  languages_spoken: z.array(z.string()).default([]),
  custom_fields: z.record(z.string(), customFieldValue).default({}),
  _links: halLinks,
});
export type ActionNetworkPerson = z.output<typeof personSchema>;

/**
 * A person together with the names of its tags. Action Network keeps tags in separate taggings;
 * the connector joins them before mapping so the field table can treat tags like any other field.
 */
export type TaggedPerson = ActionNetworkPerson & { tag_names: string[] };

export const tagSchema = z.object({
  identifiers: z.array(z.string()),
  name: z.string(),
  created_date: z.string().optional(),
  modified_date: z.string().optional(),
});
export type ActionNetworkTag = z.output<typeof tagSchema>;

export const taggingSchema = z.object({
  identifiers: z.array(z.string()),
  created_date: z.string().optional(),
  modified_date: z.string().optional(),
  item_type: z.string().optional(),
  _links: halLinks,
});
export type ActionNetworkTagging = z.output<typeof taggingSchema>;

export const recipientSchema = z.object({ display_name: z.string(), amount: z.string() });
export type ActionNetworkRecipient = z.output<typeof recipientSchema>;

export const donationSchema = z.object({
  identifiers: z.array(z.string()),
  created_date: z.string(),
  modified_date: z.string(),
  amount: z.string(),
  currency: z.string(),
  recipients: z.array(recipientSchema).default([]),
  'action_network:recurrence': z.object({ recurring: z.boolean(), period: z.string().optional() }).optional(),
  'action_network:person_id': z.string().optional(),
  'action_network:fundraising_page_id': z.string().optional(),
  _links: halLinks,
});
export type ActionNetworkDonation = z.output<typeof donationSchema>;

/** What POST /fundraising_pages/{id}/donations takes. */
export interface DonationBody {
  recipients: ActionNetworkRecipient[];
  currency: string;
  created_date: string;
  'action_network:recurrence': { recurring: boolean };
  _links: { 'osdi:person': HalLink; 'osdi:fundraising_page': HalLink };
}

/** The envelope of every collection page; people pages carry no totals. */
export const collectionPageSchema = z.object({
  total_pages: z.number().optional(),
  total_records: z.number().optional(),
  per_page: z.number().optional(),
  page: z.number().optional(),
  _links: z.object({ self: halLink.optional(), next: halLink.optional() }).optional(),
  _embedded: z.record(z.string(), z.array(z.unknown())).optional(),
});

/** Error bodies: `{"error": "API Key invalid or not present"}`, `{"error": "Couldn't find person with id = …"}`. */
export const errorBodySchema = z.object({ error: z.string() });

/** The API entry point; read by the health check. */
export const entryPointSchema = z.object({ _links: halLinks });

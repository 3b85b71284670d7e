// Declarative field tables between Action Network people/donations and the unified shapes.
import { DateTime } from 'luxon';
import type { FieldTable } from '../field-table.js';
import { localeToLanguage } from '../language-codes.js';
import { formatAmount } from '../money.js';
import { toE164, isRegionCode } from '../phone-numbers.js';
import type { EmailAddress, EmailStatus, PhoneKind, PhoneNumber, PostalAddress } from '../../src/model/contact-points.js';
import type { Designation, UnifiedDonation, UnifiedPerson } from '../../src/model/entities.js';
import { idFromHref, linkHref } from './identifiers.js';
import type { ActionNetworkDonation, ActionNetworkPhone, TaggedPerson } from './raw.js';

/** Action Network is a US service: a number written without a country code is read as American. */
const FALLBACK_PHONE_REGION = 'US';

const EMAIL_STATUS_FROM_AN: Readonly<Record<string, EmailStatus>> = {
  subscribed: 'SUBSCRIBED',
  unsubscribed: 'UNSUBSCRIBED',
  bouncing: 'BOUNCING',
  'previous bounce': 'BOUNCING',
  'spam complaint': 'SPAM_COMPLAINT',
  'previous spam complaint': 'SPAM_COMPLAINT',
  // The issue names this spelling; the API documents "spam complaint". Both are read.
  'spam reported': 'SPAM_COMPLAINT',
};

/**
 * Only subscribed and unsubscribed can be written (the signup helper refuses other statuses);
 * BOUNCING, SPAM_COMPLAINT and UNKNOWN are states Action Network sets itself, so they are not sent.
 */
const EMAIL_STATUS_TO_AN: Readonly<Partial<Record<EmailStatus, string>>> = {
  SUBSCRIBED: 'subscribed',
  UNSUBSCRIBED: 'unsubscribed',
};

const PHONE_KIND_FROM_AN: Readonly<Record<string, PhoneKind>> = { mobile: 'MOBILE', home: 'HOME', work: 'WORK' };
const PHONE_KIND_TO_AN: Readonly<Record<PhoneKind, string>> = { MOBILE: 'Mobile', HOME: 'Home', WORK: 'Work', OTHER: 'Other' };

/** "2026-03-01T09:30:00Z" → a UTC DateTime; Action Network only ever sends UTC. */
export function anTimeToUtc(value: string): DateTime {
  return DateTime.fromISO(value, { zone: 'utc' });
}

/** A UTC DateTime → the "YYYY-MM-DDTHH:MM:SSZ" Action Network writes and filters with. */
export function utcToAnTime(value: DateTime): string {
  return value.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
}

function readEmails(raw: TaggedPerson): EmailAddress[] {
  return withOnePrimary(raw.email_addresses).map((email) => ({
    address: email.address,
    primary: email.primary ?? false,
    status: EMAIL_STATUS_FROM_AN[email.status?.toLowerCase() ?? ''] ?? 'UNKNOWN',
  }));
}

/**
 * Action Network holds one email per person: the primary one (or the first) is written, the rest
 * cannot be held — the connector's capabilities say emails are held, not how many.
 */
function writeEmails(emails: EmailAddress[]): Partial<TaggedPerson> {
  const chosen = emails.find((email) => email.primary) ?? emails[0];
  if (!chosen) return {};
  const status = EMAIL_STATUS_TO_AN[chosen.status];
  return { email_addresses: [{ address: chosen.address, primary: true, ...(status ? { status } : {}) }] };
}

/** Numbers are read in the person's own country when the address gives one. */
function phoneRegion(raw: TaggedPerson): string {
  const country = raw.postal_addresses.find((address) => address.primary)?.country ?? raw.postal_addresses[0]?.country;
  return country && isRegionCode(country.toUpperCase()) ? country.toUpperCase() : FALLBACK_PHONE_REGION;
}

/**
 * Action Network stores numbers as digits with their country code ("14155550132", "447700900123");
 * digits that do not read as a national number of the region are tried as international.
 */
export function anPhoneToE164(number: string, region: string): string {
  const regionCode = isRegionCode(region) ? region : FALLBACK_PHONE_REGION;
  const national = toE164(number, regionCode);
  if (national.startsWith('+')) return national;
  const digits = number.replace(/\D/g, '');
  const international = digits.length >= 8 ? toE164(`+${digits}`, null) : national;
  return international.startsWith('+') ? international : national;
}

function readPhones(raw: TaggedPerson): PhoneNumber[] {
  const region = phoneRegion(raw);
  return withOnePrimary(raw.phone_numbers).map((phone: ActionNetworkPhone) => ({
    number: anPhoneToE164(phone.number, region),
    kind: PHONE_KIND_FROM_AN[phone.number_type?.toLowerCase() ?? ''] ?? 'OTHER',
    primary: phone.primary ?? false,
  }));
}

/** One phone per person, like emails. */
function writePhones(phones: PhoneNumber[]): Partial<TaggedPerson> {
  const chosen = phones.find((phone) => phone.primary) ?? phones[0];
  if (!chosen) return {};
  return { phone_numbers: [{ number: chosen.number, number_type: PHONE_KIND_TO_AN[chosen.kind], primary: true }] };
}

function readAddresses(raw: TaggedPerson): PostalAddress[] {
  return withOnePrimary(raw.postal_addresses).map((address) => ({
    lines: (address.address_lines ?? []).filter((line) => line.trim() !== ''),
    locality: address.locality ?? null,
    region: address.region ?? null,
    postalCode: address.postal_code ?? null,
    country: address.country ? address.country.toUpperCase() : null,
    primary: address.primary ?? false,
  }));
}

/** One postal address per person. */
function writeAddresses(addresses: PostalAddress[]): Partial<TaggedPerson> {
  const chosen = addresses.find((address) => address.primary) ?? addresses[0];
  if (!chosen) return {};
  return {
    postal_addresses: [
      {
        primary: true,
        address_lines: chosen.lines,
        ...(chosen.locality === null ? {} : { locality: chosen.locality }),
        ...(chosen.region === null ? {} : { region: chosen.region }),
        ...(chosen.postalCode === null ? {} : { postal_code: chosen.postalCode }),
        ...(chosen.country === null ? {} : { country: chosen.country }),
      },
    ],
  };
}

function readLanguages(raw: TaggedPerson): string[] {
  return [...new Set(raw.languages_spoken.map(localeToLanguage).filter((code): code is string => code !== null))];
}

function writeLanguages(languages: string[]): Partial<TaggedPerson> {
  return { languages_spoken: [...new Set(languages.map(localeToLanguage).filter((code): code is string => code !== null))] };
}

function readCustomFields(raw: TaggedPerson): Record<string, unknown> | null {
  return Object.keys(raw.custom_fields).length === 0 ? null : { ...raw.custom_fields };
}

/** Action Network custom fields hold text: other JSON values are written as their JSON text. */
function writeCustomFields(fields: Record<string, unknown> | null): Partial<TaggedPerson> {
  if (fields === null) return {};
  const custom: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value === null || value === undefined) continue;
    custom[name] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return { custom_fields: custom };
}

/** A list where exactly one entry is primary: the one marked so, else the first. */
function withOnePrimary<T extends { primary?: boolean | undefined }>(items: readonly T[]): T[] {
  const primaryAt = Math.max(0, items.findIndex((item) => item.primary === true));
  return items.map((item, index) => ({ ...item, primary: index === primaryAt }));
}

export const personFields = {
  givenName: { remote: 'given_name' },
  familyName: { remote: 'family_name' },
  emails: { remote: 'email_addresses', read: readEmails, write: writeEmails },
  phones: { remote: 'phone_numbers', read: readPhones, write: writePhones },
  addresses: { remote: 'postal_addresses', read: readAddresses, write: writeAddresses },
  languages: { remote: 'languages_spoken', read: readLanguages, write: writeLanguages },
  customFields: { remote: 'custom_fields', read: readCustomFields, write: writeCustomFields },
  tags: { remote: 'tag_names' },
} satisfies FieldTable<TaggedPerson, UnifiedPerson>;

function currencyOf(raw: ActionNetworkDonation): string {
  return raw.currency.toUpperCase();
}

function readDesignations(raw: ActionNetworkDonation): Designation[] {
  const currency = currencyOf(raw);
  return raw.recipients.map((recipient) => ({
    name: recipient.display_name,
    amount: { amount: formatAmount(recipient.amount, currency), currency },
  }));
}

/** The donor: the osdi:person link, else the action_network:person_id field. */
function readDonor(raw: ActionNetworkDonation): string | null {
  return idFromHref(linkHref(raw._links, 'osdi:person')) ?? raw['action_network:person_id'] ?? null;
}

/** Donations are written whole by the mapper (amount = sum of recipients), so this table only reads. */
export const donationFields = {
  amount: { remote: ['amount', 'currency'], read: (raw) => ({ amount: formatAmount(raw.amount, currencyOf(raw)), currency: currencyOf(raw) }) },
  receivedAt: { remote: 'created_date', read: (raw) => anTimeToUtc(raw.created_date) },
  donorRef: { remote: '_links', read: readDonor },
  designations: { remote: 'recipients', read: readDesignations },
  recurring: { remote: 'action_network:recurrence', read: (raw) => raw['action_network:recurrence']?.recurring ?? false },
} satisfies FieldTable<ActionNetworkDonation, UnifiedDonation>;

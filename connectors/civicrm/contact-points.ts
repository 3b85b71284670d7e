// Pure conversions between CiviCRM's Email / Phone / Address / Website rows and the unified
// contact points. Drafts are rows without ids: what a read needs and what a write sends.
import type { EmailAddress, PhoneKind, PhoneNumber, PostalAddress } from '../../src/model/contact-points.js';
import { regionFor, toE164, type RegionCode } from '../phone-numbers.js';
import type { AddressRow, EmailRow, PhoneRow, WebsiteRow } from './raw.js';

type Draft<Row> = Omit<Row, 'id' | 'contact_id'>;
/** Phone and email drafts may leave the location type to CiviCRM's default (Home). */
export type EmailDraft = Omit<Draft<EmailRow>, 'location_type_id:name'>;
export type PhoneDraft = Omit<Draft<PhoneRow>, 'location_type_id:name'> & { 'location_type_id:name'?: string | null };
export type AddressDraft = Omit<Draft<AddressRow>, 'location_type_id:name'>;
export type WebsiteDraft = Draft<WebsiteRow>;

/** CiviCRM's two "don't send bulk mail" flags live on the contact, not on each email. */
export interface OptOutFlags {
  is_opt_out: boolean;
  do_not_email: boolean;
}

/** on_hold 1 (bounce) and 2 (opt-out via bounce processing) both mean mail does not arrive. */
export function readEmails(rows: readonly EmailDraft[], flags: OptOutFlags): EmailAddress[] {
  const unsubscribed = flags.is_opt_out || flags.do_not_email;
  return rows
    .filter((row) => row.email !== null && row.email !== '')
    .map((row) => ({
      address: row.email ?? '',
      primary: row.is_primary,
      status: row.on_hold === 1 || row.on_hold === 2 ? 'BOUNCING' : unsubscribed ? 'UNSUBSCRIBED' : 'SUBSCRIBED',
    }));
}

/**
 * Email rows plus the contact's bulk-mail flag. An unsubscribed (or spam-complaining) address sets
 * "No Bulk Emails" on the whole contact, since CiviCRM cannot opt out one address; do_not_email is
 * staff's stronger "never email" choice and is deliberately never written from here.
 */
export function writeEmails(emails: readonly EmailAddress[]): { emails: EmailDraft[]; is_opt_out: boolean } {
  const primary = primaryIndex(emails);
  return {
    emails: emails.map((email, i) => ({ email: email.address, is_primary: i === primary, on_hold: email.status === 'BOUNCING' ? 1 : 0 })),
    is_opt_out: emails.some((email) => email.status === 'UNSUBSCRIBED' || email.status === 'SPAM_COMPLAINT'),
  };
}

const LOCATION_KIND: Readonly<Record<string, PhoneKind>> = { Home: 'HOME', Work: 'WORK' };

export function readPhones(rows: readonly PhoneDraft[], addresses: readonly AddressDraft[], defaultRegion: RegionCode): PhoneNumber[] {
  const home = addresses.find((a) => a.is_primary) ?? addresses[0];
  const region = regionFor(home?.['country_id:name'], defaultRegion);
  return rows
    .filter((row) => row.phone !== null && row.phone.trim() !== '')
    .map((row) => ({
      number: toE164(row.phone ?? '', region),
      kind: row['phone_type_id:name'] === 'Mobile' ? 'MOBILE' : (LOCATION_KIND[row['location_type_id:name'] ?? ''] ?? 'OTHER'),
      primary: row.is_primary,
    }));
}

/** A mobile keeps whatever location CiviCRM gives it; other kinds are told apart by location type. */
const KIND_WRITE: Readonly<Record<PhoneKind, Pick<PhoneDraft, 'phone_type_id:name' | 'location_type_id:name'>>> = {
  MOBILE: { 'phone_type_id:name': 'Mobile' },
  HOME: { 'phone_type_id:name': 'Phone', 'location_type_id:name': 'Home' },
  WORK: { 'phone_type_id:name': 'Phone', 'location_type_id:name': 'Work' },
  OTHER: { 'phone_type_id:name': 'Phone', 'location_type_id:name': 'Other' },
};

export function writePhones(phones: readonly PhoneNumber[]): PhoneDraft[] {
  const primary = primaryIndex(phones);
  return phones.map((phone, i) => ({ phone: phone.number, is_primary: i === primary, ...KIND_WRITE[phone.kind] }));
}

const LINE_FIELDS = ['street_address', 'supplemental_address_1', 'supplemental_address_2', 'supplemental_address_3'] as const;

export function readAddresses(rows: readonly AddressDraft[]): PostalAddress[] {
  return rows.map((row) => ({
    lines: LINE_FIELDS.map((field) => row[field]).filter((line): line is string => line !== null && line !== ''),
    locality: row.city,
    region: row['state_province_id:abbr'],
    postalCode: row.postal_code,
    country: row['country_id:name'],
    primary: row.is_primary,
  }));
}

/** CiviCRM has four street lines; any beyond them are joined into the last so nothing is dropped. */
export function writeAddresses(addresses: readonly PostalAddress[]): AddressDraft[] {
  const primary = primaryIndex(addresses);
  return addresses.map((address, i) => {
    const lines = address.lines.filter((line) => line.trim() !== '');
    const fitted = lines.length > 4 ? [...lines.slice(0, 3), lines.slice(3).join(', ')] : lines;
    return {
      street_address: fitted[0] ?? null,
      supplemental_address_1: fitted[1] ?? null,
      supplemental_address_2: fitted[2] ?? null,
      supplemental_address_3: fitted[3] ?? null,
      city: address.locality,
      postal_code: address.postalCode,
      'state_province_id:abbr': address.region,
      'country_id:name': address.country === null ? null : address.country.toUpperCase(),
      is_primary: i === primary,
    };
  });
}

/** Website types the unified `website` stands for; social-media links (Facebook, …) are left alone. */
export const MAIN_WEBSITE_TYPES: readonly (string | null)[] = ['Work', 'Main', null];

export function readWebsite(rows: readonly WebsiteDraft[]): string | null {
  const owned = rows.filter((row) => MAIN_WEBSITE_TYPES.includes(row['website_type_id:name']) && row.url);
  const work = owned.find((row) => row['website_type_id:name'] === 'Work');
  return (work ?? owned[0])?.url ?? null;
}

export function writeWebsite(website: string | null): WebsiteDraft[] {
  return website === null || website.trim() === '' ? [] : [{ url: website.trim(), 'website_type_id:name': 'Work' }];
}

/**
 * CiviCRM keeps exactly one primary row per contact once it has any: the first marked primary
 * wins, and with none marked the first row becomes primary (as CiviCRM itself would decide).
 */
function primaryIndex(items: readonly { primary: boolean }[]): number {
  const marked = items.findIndex((item) => item.primary);
  return marked === -1 ? 0 : marked;
}

// Vtiger holds contact points in fixed columns ("slots"): email/secondaryemail, phone/mobile/…,
// one address. These pure functions move lists of unified contact points in and out of them.
import type { EmailAddress, EmailStatus, PhoneKind, PhoneNumber, PostalAddress } from '../../src/model/contact-points.js';
import { regionFor, toE164, type RegionCode } from '../phone-numbers.js';
import { codeToCountry, countryToCode } from './country-names.js';

/** A person's own choice not to be mailed; bounces are the mail system's state, not an opt-out. */
const OPTED_OUT: ReadonlySet<EmailStatus> = new Set(['UNSUBSCRIBED', 'SPAM_COMPLAINT']);

/** Primary first; Vtiger's first email column is the primary one. */
function primaryFirst<T extends { primary: boolean }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => Number(b.primary) - Number(a.primary));
}

/** emailoptout is one flag for the whole record: it sets every address's status. */
export function readEmails(columns: readonly string[], optOut: string): EmailAddress[] {
  const status: EmailStatus = optOut === '1' ? 'UNSUBSCRIBED' : 'SUBSCRIBED';
  return columns.filter((address) => address.trim() !== '').map((address, index) => ({ address: address.trim(), primary: index === 0, status }));
}

/** Addresses for the columns in order (primary first, "" for an empty column) and the opt-out flag. */
export function writeEmails(emails: readonly EmailAddress[], columnCount: number): { columns: string[]; optOut: string } {
  const ordered = primaryFirst(emails);
  const columns = Array.from({ length: columnCount }, (_, i) => ordered[i]?.address ?? '');
  return { columns, optOut: ordered[0] && OPTED_OUT.has(ordered[0].status) ? '1' : '0' };
}

export interface PhoneSlot {
  column: string;
  kind: PhoneKind;
}

/** Non-empty phone columns, in slot order, the first one primary; numbers normalised to E.164. */
export function readPhones(values: Readonly<Record<string, string>>, slots: readonly PhoneSlot[], region: RegionCode): PhoneNumber[] {
  return slots
    .filter((slot) => (values[slot.column] ?? '').trim() !== '')
    .map((slot, index) => ({ number: toE164(values[slot.column] ?? '', region), kind: slot.kind, primary: index === 0 }));
}

/** Every slot column, holding the first phone of its kind (the primary one preferred) or "". */
export function writePhones(phones: readonly PhoneNumber[], slots: readonly PhoneSlot[]): Record<string, string> {
  const ordered = primaryFirst(phones);
  return Object.fromEntries(slots.map((slot) => [slot.column, ordered.find((phone) => phone.kind === slot.kind)?.number ?? '']));
}

/** The address columns of one Vtiger address block (mailing*, bill_*). */
export interface AddressColumns {
  street: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
}

export function readAddress(values: Readonly<Record<string, string>>, columns: AddressColumns): PostalAddress[] {
  const get = (column: string): string | null => (values[column] ?? '').trim() || null;
  const street = values[columns.street] ?? '';
  const address: PostalAddress = {
    lines: street.split(/\r?\n/).map((line) => line.trim()).filter(Boolean),
    locality: get(columns.city),
    region: get(columns.state),
    postalCode: get(columns.postalCode),
    country: countryToCode(values[columns.country] ?? ''),
    primary: true,
  };
  const empty = address.lines.length === 0 && !address.locality && !address.region && !address.postalCode && !get(columns.country);
  return empty ? [] : [address];
}

/** The primary (or first) address into the block; an empty list clears it. */
export function writeAddress(addresses: readonly PostalAddress[], columns: AddressColumns): Record<string, string> {
  const address = primaryFirst(addresses)[0];
  return {
    [columns.street]: address?.lines.join('\n') ?? '',
    [columns.city]: address?.locality ?? '',
    [columns.state]: address?.region ?? '',
    [columns.postalCode]: address?.postalCode ?? '',
    [columns.country]: address?.country ? codeToCountry(address.country) : '',
  };
}

/** Numbers without a country code are read in the record's own country when it has one. */
export function phoneRegion(countryText: string, fallback: RegionCode): RegionCode {
  return regionFor(countryToCode(countryText), fallback);
}

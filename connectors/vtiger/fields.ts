// Declarative field tables: Contacts ↔ Person, Accounts ↔ Organization, Invoice ↔ Donation.
import { DateTime } from 'luxon';
import type { UnifiedDonation, UnifiedOrganization, UnifiedPerson } from '../../src/model/entities.js';
import type { FieldTable } from '../field-table.js';
import { formatAmount } from '../money.js';
import { naiveToUtc } from '../naive-time.js';
import type { RegionCode } from '../phone-numbers.js';
import { phoneRegion, readAddress, readEmails, readPhones, writeAddress, writeEmails, writePhones, type AddressColumns, type PhoneSlot } from './contact-slots.js';
import type { RawAccount, RawContact } from './raw.js';

/** "" is Vtiger's empty value; the unified shapes say null. */
const orNull = (value: string): string | null => (value.trim() === '' ? null : value);

const CONTACT_PHONES: readonly PhoneSlot[] = [
  { column: 'phone', kind: 'WORK' },
  { column: 'mobile', kind: 'MOBILE' },
  { column: 'homephone', kind: 'HOME' },
  { column: 'otherphone', kind: 'OTHER' },
];
const MAILING: AddressColumns = { street: 'mailingstreet', city: 'mailingcity', state: 'mailingstate', postalCode: 'mailingzip', country: 'mailingcountry' };

export function personFields(defaultRegion: RegionCode): FieldTable<RawContact, UnifiedPerson> {
  return {
    givenName: { remote: 'firstname', read: (r) => orNull(r.firstname), write: (v) => ({ firstname: v ?? '' }) },
    familyName: { remote: 'lastname', read: (r) => orNull(r.lastname), write: (v) => ({ lastname: v ?? '' }) },
    emails: {
      remote: ['email', 'secondaryemail', 'emailoptout'],
      read: (r) => readEmails([r.email, r.secondaryemail], r.emailoptout),
      write: (v) => {
        const { columns, optOut } = writeEmails(v, 2);
        return { email: columns[0] ?? '', secondaryemail: columns[1] ?? '', emailoptout: optOut };
      },
    },
    phones: {
      remote: ['phone', 'mobile', 'homephone', 'otherphone'],
      read: (r) => readPhones(r, CONTACT_PHONES, phoneRegion(r.mailingcountry, defaultRegion)),
      write: (v) => writePhones(v, CONTACT_PHONES),
    },
    addresses: {
      remote: ['mailingstreet', 'mailingcity', 'mailingstate', 'mailingzip', 'mailingcountry'],
      read: (r) => readAddress(r, MAILING),
      write: (v) => writeAddress(v, MAILING),
    },
    birthDate: { remote: 'birthday', read: (r) => orNull(r.birthday), write: (v) => ({ birthday: v ?? '' }) },
    organizationRef: { remote: 'account_id', read: (r) => orNull(r.account_id), write: (v) => ({ account_id: v ?? '' }) },
  };
}

const ACCOUNT_PHONES: readonly PhoneSlot[] = [
  { column: 'phone', kind: 'WORK' },
  { column: 'otherphone', kind: 'OTHER' },
];
const BILLING: AddressColumns = { street: 'bill_street', city: 'bill_city', state: 'bill_state', postalCode: 'bill_code', country: 'bill_country' };

export function organizationFields(defaultRegion: RegionCode): FieldTable<RawAccount, UnifiedOrganization> {
  return {
    name: { remote: 'accountname' },
    website: { remote: 'website', read: (r) => orNull(r.website), write: (v) => ({ website: v ?? '' }) },
    emails: {
      remote: ['email1', 'email2', 'emailoptout'],
      read: (r) => readEmails([r.email1, r.email2], r.emailoptout),
      write: (v) => {
        const { columns, optOut } = writeEmails(v, 2);
        return { email1: columns[0] ?? '', email2: columns[1] ?? '', emailoptout: optOut };
      },
    },
    phones: {
      remote: ['phone', 'otherphone'],
      read: (r) => readPhones(r, ACCOUNT_PHONES, phoneRegion(r.bill_country, defaultRegion)),
      write: (v) => writePhones(v, ACCOUNT_PHONES),
    },
    addresses: {
      remote: ['bill_street', 'bill_city', 'bill_state', 'bill_code', 'bill_country'],
      read: (r) => readAddress(r, BILLING),
      write: (v) => writeAddress(v, BILLING),
    },
  };
}

/** One invoice line as a designation sees it: the product's name instead of its id. */
export interface DesignationLine {
  name: string;
  quantity: string;
  listprice: string;
}

/**
 * An Invoice with what the mapper needs already looked up (the currency's ISO code, the products'
 * names): the shape the donation table reads and writes. The writer turns it into an element.
 */
export interface InvoiceView {
  invoicedate: string;
  /** Read only: when invoicedate is empty, the donation was received when the invoice was made. */
  createdtime: string;
  contact_id: string;
  hdnGrandTotal: string;
  currency: string;
  lines: DesignationLine[];
}

/** A line's amount: listprice × quantity, exactly, in the currency's minor digits. */
export function lineAmount(line: DesignationLine, currency: string): string {
  const quantity = Number(line.quantity || '1');
  // Whole quantities (the gateway writes 1) keep the price's digits; other quantities go through floats.
  if (Number.isInteger(quantity)) return formatAmount(multiplyDecimal(line.listprice, quantity), currency);
  return formatAmount(Number(line.listprice) * quantity, currency);
}

function multiplyDecimal(price: string, times: number): string {
  const [whole = '0', fraction = ''] = price.trim().split('.');
  const scaled = BigInt(`${whole}${fraction}` || '0') * BigInt(times);
  const digits = fraction.length;
  const textValue = scaled.toString().padStart(digits + 1, '0');
  return digits === 0 ? textValue : `${textValue.slice(0, -digits)}.${textValue.slice(-digits)}`;
}

export function donationFields(timezone: string): FieldTable<InvoiceView, UnifiedDonation> {
  return {
    amount: {
      remote: ['hdnGrandTotal', 'currency'],
      read: (r) => ({ amount: formatAmount(r.hdnGrandTotal || '0', r.currency), currency: r.currency }),
      write: (v) => ({ hdnGrandTotal: v.amount, currency: v.currency }),
    },
    // invoicedate is a date: the start of that day in the user's zone.
    receivedAt: {
      remote: 'invoicedate',
      read: (r) => naiveToUtc(r.invoicedate, timezone) ?? naiveToUtc(r.createdtime, timezone) ?? (DateTime.fromMillis(0, { zone: 'utc' }) as DateTime),
      write: (v) => ({ invoicedate: v.setZone(timezone).toFormat('yyyy-MM-dd') }),
    },
    donorRef: { remote: 'contact_id', read: (r) => orNull(r.contact_id), write: (v) => ({ contact_id: v ?? '' }) },
    designations: {
      remote: 'lines',
      read: (r) => r.lines.map((line) => ({ name: line.name, amount: { amount: lineAmount(line, r.currency), currency: r.currency } })),
      write: (v) => ({ lines: v.map((d) => ({ name: d.name, quantity: '1', listprice: d.amount.amount })), ...(v[0] ? { currency: v[0].amount.currency } : {}) }),
    },
  };
}

// Declarative field tables between CiviCRM records and the unified Person / Organization / Donation.
//
// The "raw" side of each table is a contact (or contribution) row together with its child rows,
// keyed by CiviCRM's own API field names, so a table's write output is directly the values sent
// to Contact.create/update and to the Email/Phone/Address/Website/LineItem rows.
import type { FieldTable } from '../field-table.js';
import type { UnifiedDonation, UnifiedOrganization, UnifiedPerson } from '../../src/model/entities.js';
import { languageToLocale, localeToLanguage } from '../language-codes.js';
import type { RegionCode } from '../phone-numbers.js';
import {
  readAddresses, readEmails, readPhones, readWebsite, writeAddresses, writeEmails, writePhones, writeWebsite,
  type AddressDraft, type EmailDraft, type PhoneDraft, type WebsiteDraft,
} from './contact-points.js';
import { readAmount, readDesignations, readReceivedAt, writeAmount, writeDesignations, writeReceivedAt, type LineItemDraft } from './donation-values.js';
import type { ContactRow, ContributionRow } from './raw.js';
import { readRef, writeRef } from './refs.js';

/** What a mapping needs to know about the site. */
export interface CiviCrmMapContext {
  timezone: string;
  defaultPhoneRegion: RegionCode;
}

type ContactScalars = Pick<
  ContactRow,
  'first_name' | 'last_name' | 'organization_name' | 'preferred_language' | 'birth_date' | 'employer_id' | 'is_opt_out' | 'do_not_email'
>;

interface ContactPoints {
  emails: EmailDraft[];
  phones: PhoneDraft[];
  addresses: AddressDraft[];
}

export type PersonRaw = ContactScalars & ContactPoints;
export type OrganizationRaw = ContactScalars & ContactPoints & { websites: WebsiteDraft[] };
export type DonationRaw = Pick<
  ContributionRow,
  'contact_id' | 'total_amount' | 'currency' | 'receive_date' | 'financial_type_id:name' | 'contribution_recur_id'
> & { lineItems: LineItemDraft[] };

/**
 * The fields every CiviCRM contact kind shares: its emails, phones and addresses. Generic so the
 * organization table can reuse it; the casts widen a PersonRaw fragment to the caller's raw type.
 */
function contactPointFields<Raw extends PersonRaw>(
  ctx: CiviCrmMapContext,
): FieldTable<Raw, Pick<UnifiedPerson, 'emails' | 'phones' | 'addresses'>> {
  return {
    emails: { remote: ['emails', 'is_opt_out', 'do_not_email'], read: (raw) => readEmails(raw.emails, raw), write: (emails) => writeEmails(emails) as Partial<Raw> },
    phones: {
      remote: ['phones', 'addresses'],
      read: (raw) => readPhones(raw.phones, raw.addresses, ctx.defaultPhoneRegion),
      write: (phones) => ({ phones: writePhones(phones) }) as Partial<Raw>,
    },
    addresses: { remote: 'addresses', read: (raw) => readAddresses(raw.addresses), write: (list) => ({ addresses: writeAddresses(list) }) as Partial<Raw> },
  };
}

// tags and customFields are not mapped: Tag/EntityTag and custom field groups are left to a later
// issue, so they are absent from the capabilities and read back as [] / null.
export function personFields(ctx: CiviCrmMapContext): FieldTable<PersonRaw, UnifiedPerson> {
  return {
    givenName: { remote: 'first_name' },
    familyName: { remote: 'last_name' },
    ...contactPointFields(ctx),
    // preferred_language holds one locale; only the first language survives a write.
    languages: {
      remote: 'preferred_language',
      read: (raw) => {
        const language = localeToLanguage(raw.preferred_language);
        return language === null ? [] : [language];
      },
      write: (languages) => ({ preferred_language: languages[0] === undefined ? null : languageToLocale(languages[0]) }),
    },
    birthDate: {
      remote: 'birth_date',
      read: (raw) => raw.birth_date?.slice(0, 10) || null,
      write: (birthDate) => ({ birth_date: birthDate }),
    },
    organizationRef: {
      remote: 'employer_id',
      read: (raw) => readRef(raw.employer_id),
      write: (ref) => ({ employer_id: writeRef(ref, 'organizationRef') }),
    },
  };
}

export function organizationFields(ctx: CiviCrmMapContext): FieldTable<OrganizationRaw, UnifiedOrganization> {
  return {
    name: { remote: 'organization_name', read: (raw) => raw.organization_name ?? '', write: (name) => ({ organization_name: name }) },
    website: { remote: 'websites', read: (raw) => readWebsite(raw.websites), write: (website) => ({ websites: writeWebsite(website) }) },
    ...contactPointFields(ctx),
  };
}

// recurring is read-only: contribution_recur_id points at a ContributionRecur schedule (amount,
// frequency, processor) that a one-off unified donation cannot describe, so it is not written.
export function donationFields(ctx: CiviCrmMapContext): FieldTable<DonationRaw, UnifiedDonation> {
  return {
    amount: { remote: ['total_amount', 'currency'], read: readAmount, write: writeAmount },
    receivedAt: {
      remote: 'receive_date',
      read: (raw) => readReceivedAt(raw, ctx.timezone),
      write: (at) => writeReceivedAt(at, ctx.timezone),
    },
    donorRef: {
      remote: 'contact_id',
      read: (raw) => readRef(raw.contact_id),
      write: (ref) => ({ contact_id: writeRef(ref, 'donorRef') }),
    },
    designations: { remote: ['lineItems', 'financial_type_id:name', 'currency'], read: readDesignations, write: writeDesignations },
    recurring: { remote: 'contribution_recur_id', read: (raw) => raw.contribution_recur_id !== null },
  };
}

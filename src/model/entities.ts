// The unified shapes of the three entity kinds, as one CRM record maps to them.
import type { DateTime } from 'luxon';
import type { EmailAddress, PhoneNumber, PostalAddress } from './contact-points.js';
import type { EntityType } from './system.js';

export interface UnifiedPerson {
  givenName: string | null;
  familyName: string | null;
  emails: EmailAddress[];
  phones: PhoneNumber[];
  addresses: PostalAddress[];
  /** ISO 639-1 codes. */
  languages: string[];
  /** YYYY-MM-DD. */
  birthDate: string | null;
  tags: string[];
  customFields: Record<string, unknown> | null;
  /** Remote id, in the same system, of the organization this person belongs to. */
  organizationRef: string | null;
}

export interface UnifiedOrganization {
  name: string;
  website: string | null;
  emails: EmailAddress[];
  phones: PhoneNumber[];
  addresses: PostalAddress[];
}

export interface Money {
  /** Decimal string with the currency's minor digits, e.g. "25.00". */
  amount: string;
  /** ISO 4217. */
  currency: string;
}

export interface Designation {
  name: string;
  amount: Money;
}

export interface UnifiedDonation {
  amount: Money;
  receivedAt: DateTime;
  /** Remote id, in the same system, of the person who gave. */
  donorRef: string | null;
  designations: Designation[];
  recurring: boolean;
}

export interface UnifiedData {
  PERSON: UnifiedPerson;
  ORGANIZATION: UnifiedOrganization;
  DONATION: UnifiedDonation;
}

export type UnifiedField<E extends EntityType> = keyof UnifiedData[E] & string;

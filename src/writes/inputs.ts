// The mutation inputs as the write path reads them: the GraphQL input classes implement these, so
// validation is plain functions over plain data (absent = undefined, explicitly null = null).
import type { DateTime } from 'luxon';
import type { EmailStatus, PhoneKind } from '../model/contact-points.js';

type Maybe<T> = T | null | undefined;

export interface EmailInputShape {
  address: string;
  primary?: Maybe<boolean>;
  status?: Maybe<EmailStatus>;
}

export interface PhoneInputShape {
  number: string;
  kind?: Maybe<PhoneKind>;
  primary?: Maybe<boolean>;
}

export interface AddressInputShape {
  lines?: Maybe<string[]>;
  locality?: Maybe<string>;
  region?: Maybe<string>;
  postalCode?: Maybe<string>;
  country?: Maybe<string>;
  primary?: Maybe<boolean>;
}

export interface PersonInputShape {
  givenName?: Maybe<string>;
  familyName?: Maybe<string>;
  emails?: Maybe<EmailInputShape[]>;
  phones?: Maybe<PhoneInputShape[]>;
  addresses?: Maybe<AddressInputShape[]>;
  languages?: Maybe<string[]>;
  birthDate?: Maybe<string>;
  tags?: Maybe<string[]>;
  customFields?: unknown;
  organizationId?: Maybe<string>;
}

export interface OrganizationInputShape {
  name: string;
  website?: Maybe<string>;
  emails?: Maybe<EmailInputShape[]>;
  phones?: Maybe<PhoneInputShape[]>;
  addresses?: Maybe<AddressInputShape[]>;
}

export interface MoneyInputShape {
  amount: string;
  currency: string;
}

export interface DesignationInputShape {
  name: string;
  amount: MoneyInputShape;
}

export interface DonationInputShape {
  donorId: string;
  amount: MoneyInputShape;
  receivedAt?: Maybe<DateTime>;
  designations?: Maybe<DesignationInputShape[]>;
  recurring?: Maybe<boolean>;
}

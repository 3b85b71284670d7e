// A person reduced to what the twin matcher compares and blocks on, every value normalised once.
import { regionFor, toE164, type RegionCode } from '../../connectors/phone-numbers.js';
import type { UnifiedPerson } from '../model/entities.js';
import { addressKey, isEmptyAddressKey, type AddressKey } from './address-key.js';
import { emailKey } from './email-key.js';
import { foldText } from './text-fold.js';

export interface ProfileOptions {
  /** Region for phone numbers written without a country code and without an address country. */
  defaultPhoneRegion: RegionCode;
  /**
   * Names of custom fields that hold an identifier shared across systems (a membership number all
   * CRMs carry). Equal values are an identifier match like an email; none by default.
   */
  externalIdFields: readonly string[];
}

export interface PersonProfile {
  /** emailKey of every address. */
  emails: string[];
  /** E.164 of every number libphonenumber reads as possible; other spellings are left out. */
  phones: string[];
  /** `field=value` for every external id field that holds a value. */
  externalIds: string[];
  /** Folded; '' when none. */
  givenName: string;
  familyName: string;
  /** YYYYMMDD; '' when none. */
  birthDate: string;
  addresses: AddressKey[];
}

function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

export function personProfile(person: UnifiedPerson, options: ProfileOptions): PersonProfile {
  // A national number is read in the country of the person's address, as a CRM user would.
  const country = person.addresses.find((a) => a.primary)?.country ?? person.addresses[0]?.country;
  const region = regionFor(country, options.defaultPhoneRegion);
  const phones = person.phones.map((p) => toE164(p.number, region)).filter((n) => n.startsWith('+'));
  const externalIds = options.externalIdFields.flatMap((field) => {
    const value = person.customFields?.[field];
    const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim().toLowerCase() : '';
    return text === '' ? [] : [`${field}=${text}`];
  });
  return {
    emails: unique(person.emails.map((e) => emailKey(e.address)).filter((k): k is string => k !== null)),
    phones: unique(phones),
    externalIds,
    givenName: foldText(person.givenName),
    familyName: foldText(person.familyName),
    birthDate: (person.birthDate ?? '').replace(/\D/g, ''),
    addresses: person.addresses.map(addressKey).filter((a) => !isEmptyAddressKey(a)),
  };
}

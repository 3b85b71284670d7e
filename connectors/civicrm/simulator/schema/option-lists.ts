// Pseudoconstant option lists (the values behind `:name`, `:label`, `:abbr`) of a stock CiviCRM install.
import { COUNTRIES } from './countries.js';
import type { OptionItem } from './field-spec.js';
import { STATE_PROVINCES } from './state-provinces.js';

function named(pairs: ReadonlyArray<readonly [number | string, string]>): readonly OptionItem[] {
  return pairs.map(([id, name]) => ({ id, name, label: name }));
}

export const CONTACT_TYPES = named([
  ['Individual', 'Individual'],
  ['Organization', 'Organization'],
  ['Household', 'Household'],
]);

export const LOCATION_TYPES = named([
  [1, 'Home'],
  [2, 'Work'],
  [3, 'Main'],
  [4, 'Other'],
  [5, 'Billing'],
]);

export const PHONE_TYPES = named([
  [1, 'Phone'],
  [2, 'Mobile'],
  [3, 'Fax'],
  [4, 'Pager'],
  [5, 'Voicemail'],
]);

// Built by a PHP callback in Civi; its option names are UNCONFIRMED, labels are Civi's.
export const EMAIL_ON_HOLD = named([
  [0, 'No'],
  [1, 'On Hold Bounce'],
  [2, 'On Hold Opt Out'],
]);

export const GENDERS = named([
  [1, 'Female'],
  [2, 'Male'],
  [3, 'Other'],
]);

export const INDIVIDUAL_PREFIXES = named([
  [1, 'Mrs.'],
  [2, 'Ms.'],
  [3, 'Mr.'],
  [4, 'Dr.'],
]);

export const INDIVIDUAL_SUFFIXES = named([
  [1, 'Jr.'],
  [2, 'Sr.'],
  [3, 'II'],
  [4, 'III'],
  [5, 'IV'],
]);

export const COMMUNICATION_STYLES = named([
  [1, 'Formal'],
  [2, 'Familiar'],
]);

export const LANGUAGES: readonly OptionItem[] = [
  ['en_US', 'English (United States)'],
  ['en_GB', 'English (United Kingdom)'],
  ['en_CA', 'English (Canada)'],
  ['en_AU', 'English (Australia)'],
  ['fr_FR', 'French (France)'],
  ['fr_CA', 'French (Canada)'],
  ['es_ES', 'Spanish; Castilian (Spain)'],
  ['es_MX', 'Spanish; Castilian (Mexico)'],
  ['de_DE', 'German (Germany)'],
  ['it_IT', 'Italian (Italy)'],
  ['nl_NL', 'Dutch (Netherlands)'],
  ['pt_BR', 'Portuguese (Brazil)'],
  ['sv_SE', 'Swedish (Sweden)'],
  ['zh_CN', 'Chinese (China)'],
  ['ga_IE', 'Irish (Ireland)'],
].map(([id, label]) => ({ id: id as string, name: id as string, label: label as string }));

export const FINANCIAL_TYPES = named([
  [1, 'Donation'],
  [2, 'Member Dues'],
  [3, 'Campaign Contribution'],
  [4, 'Event Fee'],
]);

export const CONTRIBUTION_STATUSES = named([
  [1, 'Completed'],
  [2, 'Pending'],
  [3, 'Cancelled'],
  [4, 'Failed'],
  [5, 'In Progress'],
  [6, 'Overdue'],
  [7, 'Refunded'],
  [8, 'Partially paid'],
  [9, 'Pending refund'],
  [10, 'Chargeback'],
  [11, 'Template'],
]);

export const PAYMENT_INSTRUMENTS = named([
  [1, 'Credit Card'],
  [2, 'Debit Card'],
  [3, 'Cash'],
  [4, 'Check'],
  [5, 'EFT'],
]);

export const CURRENCIES: readonly OptionItem[] = [
  ['USD', 'US Dollar'],
  ['CAD', 'Canadian Dollar'],
  ['EUR', 'Euro'],
  ['GBP', 'Pound Sterling'],
  ['AUD', 'Australian Dollar'],
  ['NZD', 'New Zealand Dollar'],
  ['MXN', 'Mexican Peso'],
  ['JPY', 'Japanese Yen'],
].map(([id, label]) => ({ id: id as string, name: id as string, label: label as string }));

export const FREQUENCY_UNITS = named([
  ['day', 'day'],
  ['week', 'week'],
  ['month', 'month'],
  ['year', 'year'],
]);

/** Observed: `country_id:name` is the ISO code, `:label` the full name. */
export const COUNTRY_OPTIONS: readonly OptionItem[] = COUNTRIES.map((c) => ({
  id: c.id,
  name: c.isoCode,
  label: c.name,
  abbr: c.isoCode,
}));

/** Observed: `state_province_id:abbr` = "ON", `:name` = "Ontario". */
export const STATE_PROVINCE_OPTIONS: readonly OptionItem[] = STATE_PROVINCES.map((s) => ({
  id: s.id,
  name: s.name,
  label: s.name,
  abbr: s.abbreviation,
}));

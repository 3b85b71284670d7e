// The people, organizations and donations the sync benchmark places in the three CRMs: drawn from a
// seeded generator, so every run syncs the same data. Every person exists in all three CRMs (twins);
// organizations in the two that hold them; each donation in one CRM, given by one of the people.
import type { System } from '../../src/model/system.js';
import { SeededRandom } from './seeded-random.js';

const GIVEN = ['Ana', 'Bilal', 'Chloé', 'Dmitri', 'Eun-ji', 'Farah', 'Gustavo', 'Hana', 'Ivan', 'Júlia', 'Kofi', 'Lena', 'Mateo', 'Nadia', 'Oskar', 'Priya', 'Quentin', 'Rosa', 'Sipho', 'Tomás'];
export const FAMILY_NAMES = ['Okafor', 'García', 'Nguyen', 'Müller', 'Haddad', 'Kowalski', 'Tanaka', 'Silva', 'Johansson', "O'Brien", 'Petrov', 'Mensah', 'Dubois', 'Rossi', 'Novak', 'Yilmaz'];
const PLACES = ['Riverside', 'Northgate', 'Lakeview', 'Harbor', 'Eastside', 'Hillcrest', 'Mission', 'Westbrook'];
const KINDS = ['Food Bank', 'Tenants Union', 'Youth League', 'Arts Collective', 'Library Friends', 'Climate Network'];

export interface PopulationSizes {
  people: number;
  organizations: number;
  donations: number;
}

export interface BenchPerson {
  givenName: string;
  familyName: string;
  email: string;
  /** Ten US national digits, written in each CRM's own style. */
  phone: string;
  /** Index into the organizations, or null. */
  organization: number | null;
}

export interface BenchOrganization {
  name: string;
  email: string;
}

export interface BenchDonation {
  system: System;
  /** Index into the people. */
  donor: number;
  /** Whole dollars with cents, e.g. "25.00" (USD). */
  amount: string;
  /** Epoch ms, noon UTC of a day in 2025. */
  receivedAt: number;
}

export interface Population {
  people: BenchPerson[];
  organizations: BenchOrganization[];
  donations: BenchDonation[];
}

const DONATION_SYSTEMS: readonly System[] = ['CIVICRM', 'ACTION_NETWORK', 'VTIGER'];
const YEAR_START = Date.UTC(2025, 0, 1, 12);
const DAY = 86_400_000;

/** US national digits 415-2XX-XXXX, distinct for each n below 760,000 (edits use another area code). */
export function seededPhone(n: number): string {
  return `415${234 + Math.floor(n / 10_000)}${String(n % 10_000).padStart(4, '0')}`;
}

function ascii(text: string): string {
  return text.normalize('NFD').replace(/[^a-zA-Z]/g, '').toLowerCase();
}

export function generatePopulation(sizes: PopulationSizes, seed: number): Population {
  const random = new SeededRandom(seed);
  const organizations = Array.from({ length: sizes.organizations }, (_, n): BenchOrganization => {
    const name = `${random.pick(PLACES)} ${random.pick(KINDS)} ${n + 1}`;
    return { name, email: `office@org${n + 1}.example.org` };
  });
  const people = Array.from({ length: sizes.people }, (_, n): BenchPerson => {
    const givenName = random.pick(GIVEN);
    const familyName = random.pick(FAMILY_NAMES);
    // Half the people work for an organization.
    const organization = sizes.organizations > 0 && random.next() < 0.5 ? random.int(sizes.organizations) : null;
    return { givenName, familyName, email: `${ascii(givenName)}.${ascii(familyName)}.${n}@example.org`, phone: seededPhone(n), organization };
  });
  const donations = Array.from({ length: sizes.donations }, (_, n): BenchDonation => ({
    system: DONATION_SYSTEMS[n % DONATION_SYSTEMS.length] as System,
    donor: random.int(sizes.people),
    amount: `${5 + random.int(496)}.00`,
    receivedAt: YEAR_START + random.int(365) * DAY,
  }));
  return { people, organizations, donations };
}

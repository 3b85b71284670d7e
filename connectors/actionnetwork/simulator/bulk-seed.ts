// Deterministic generated people (with tags and donations) for tests and the benchmark: any count, same data every run.
import type { ActionNetworkStore } from './store.js';
import { anTimestamp } from './records.js';

const GIVEN = ['Ana', 'Bilal', 'Chloé', 'Dmitri', 'Eun-ji', 'Farah', 'Gustavo', 'Hana', 'Ivan', 'Júlia', 'Kofi', 'Lena', 'Mateo', 'Nadia', 'Oskar', 'Priya'];
const FAMILY = ['Okafor', 'García', 'Nguyen', 'Müller', 'Haddad', 'Kowalski', 'Tanaka', 'Silva', 'Johansson', "O'Brien", 'Petrov', 'Mensah'];
const CITIES = [
  ['Oakland', 'CA', '94612'],
  ['Chicago', 'IL', '60601'],
  ['Austin', 'TX', '78701'],
  ['Portland', 'OR', '97205'],
] as const;
export const BULK_TAGS = ['volunteer', 'donor', 'member', 'press', 'board'] as const;

export interface BulkSeedOptions {
  /** First modified_date; person n is modified n minutes later. */
  from?: string;
  /** Every how many people one gets a donation (0: none). */
  donationEvery?: number;
}

/** Adds `count` people; person n carries tag n mod 5 when n is even, and a donation every `donationEvery`. */
export function seedBulkPeople(store: ActionNetworkStore, count: number, options: BulkSeedOptions = {}): string[] {
  const start = Date.parse(options.from ?? '2025-01-01T00:00:00Z');
  const tags = BULK_TAGS.map((name) => store.createTag(name));
  const page = options.donationEvery ? store.createPage('Bulk giving', 'simulator', anTimestamp(start)) : null;
  const ids: string[] = [];
  for (let n = 0; n < count; n++) {
    const given = GIVEN[n % GIVEN.length] ?? 'Ana';
    const family = FAMILY[Math.floor(n / GIVEN.length) % FAMILY.length] ?? 'Okafor';
    const [city, region, zip] = CITIES[n % CITIES.length] ?? CITIES[0];
    const at = anTimestamp(start + n * 60_000);
    const person = store.insertPerson({
      created_date: at,
      modified_date: at,
      given_name: given,
      family_name: family,
      email_addresses: [{ address: `${ascii(given)}.${ascii(family)}.${n}@example.org`, primary: true, status: n % 17 === 0 ? 'unsubscribed' : 'subscribed' }],
      phone_numbers: [{ number: `1510555${String(n % 10_000).padStart(4, '0')}`, number_type: 'Mobile', primary: true, status: 'subscribed' }],
      postal_addresses: [{ primary: true, address_lines: [`${100 + n} Main St`], locality: city, region, postal_code: zip, country: 'US' }],
      languages_spoken: [n % 5 === 0 ? 'es' : 'en'],
      custom_fields: n % 3 === 0 ? { shirt_size: ['S', 'M', 'L'][n % 3] ?? 'M' } : {},
    });
    ids.push(person.id);
    const tag = tags[n % tags.length];
    if (n % 2 === 0 && tag) store.tag(tag.id, person.id, at);
    if (page && options.donationEvery && n % options.donationEvery === 0) {
      store.donate(page.id, { recipients: [{ display_name: 'General', amount: `${10 + (n % 90)}.00` }], currency: 'usd', created_date: at, personId: person.id });
    }
  }
  return ids;
}

function ascii(name: string): string {
  return name.normalize('NFD').replace(/[^a-zA-Z]/g, '').toLowerCase();
}

// The Action Network demo data: people overlapping the CiviCRM demo people the way real lists drift
// apart (email case, phone formatting, name spellings), people only Action Network knows, tags and donations.
import { DEMO_PEOPLE, type DemoPerson } from '../../civicrm/simulator/demo-people.js';
import { localeToLanguage } from '../../language-codes.js';
import { toE164, isRegionCode } from '../../phone-numbers.js';
import type { ActionNetworkStore } from './store.js';

/** How an overlapping person reads in Action Network compared with CiviCRM. */
interface Drift {
  email?: (email: string) => string;
  givenName?: string;
  familyName?: string;
}

const capitalised = (email: string): string => email.replace(/(^|[.@])([a-z])/g, (_, sep: string, c: string) => `${sep}${c.toUpperCase()}`);
const shouted = (email: string): string => email.toUpperCase();

/** The CiviCRM demo people who also signed up on Action Network, and how their record drifted. */
const OVERLAP: Readonly<Record<string, Drift>> = {
  'alice-anderson': { email: capitalised },
  'bob-baker': { givenName: 'Robert' },
  'carla-clark': { email: shouted },
  'dave-anderby': {},
  'erin-ellis': { email: capitalised },
  'zoe-angstrom': { givenName: 'Zoe', familyName: 'Angstrom' },
  'jose-nunez': { givenName: 'Jose', familyName: 'Nunez' },
  'siobhan-o-briain': {},
  'marie-claire-dubois': { givenName: 'Marie Claire' },
  'hannah-schmidt': {},
  'liam-oconnor': { familyName: 'O’Connor' },
  'grace-taylor': {},
  'lucia-garcia': { email: capitalised },
  'priya-patel': {},
  'ana-souza': {},
  'olivia-martin': { email: shouted },
  'ethan-brown': {},
  'sophia-nguyen': {},
  'mateo-hernandez': { familyName: 'Hernandez' },
  'chloe-tremblay': { givenName: 'Chloe' },
  'lucas-miller': {},
  'henry-zhang': { email: capitalised },
  'oliver-smith': {},
};

/** People only Action Network knows: online activists who never reached the CRM. */
const ONLY_HERE: readonly DemoPerson[] = [
  { key: 'tomasz-wisniewski', firstName: 'Tomasz', lastName: 'Wiśniewski', email: 'tomasz.w@example.pl', phone: '+48 601 555 012', city: 'Kraków', postalCode: '31-042', country: 'PL' },
  { key: 'fatima-benali', firstName: 'Fatima Zahra', lastName: 'Benali', email: 'fz.benali@example.ma', phone: null, city: 'Oakland', postalCode: '94612', stateProvince: 'CA', country: 'US' },
  { key: 'kai-nakoa', firstName: 'Kai', lastName: 'Nakoa', email: 'kai.nakoa@example.com', phone: '(808) 555-0143', city: 'Honolulu', postalCode: '96813', stateProvince: 'HI', country: 'US' },
  { key: 'ingrid-solberg', firstName: 'Ingrid', lastName: 'Solberg', email: 'ingrid.solberg@example.no', phone: null, city: 'Oslo', postalCode: '0150', country: 'NO', preferredLanguage: 'nb_NO' },
  { key: 'diego-ramirez', firstName: 'Diego', lastName: 'Ramírez', email: 'diego.ramirez@example.com', phone: '(305) 555-0187', city: 'Miami', postalCode: '33130', stateProvince: 'FL', country: 'US', preferredLanguage: 'es_US' },
  { key: 'amara-okeke', firstName: 'Amara', lastName: 'Okeke', email: 'amara.okeke@example.org', phone: '(404) 555-0126', city: 'Atlanta', postalCode: '30303', stateProvince: 'GA', country: 'US' },
  { key: 'sam-rivera', firstName: 'Sam', lastName: 'Rivera', email: null, phone: '(718) 555-0164', city: null, country: null },
  { key: 'leila-haddad', firstName: 'Leila', lastName: 'Haddad', email: 'leila.haddad@example.org', phone: null, city: 'Dearborn', postalCode: '48126', stateProvince: 'MI', country: 'US', doNotEmail: true },
];

const TAGS = ['volunteer', 'member', 'petition-signer', 'donor', 'press'] as const;
const AMOUNTS = ['10.00', '25.00', '50.00', '100.00', '15.00', '35.00', '250.00', '5.00'] as const;
const SEED_TIME = Date.parse('2025-02-01T09:00:00Z');
const DAY = 86_400_000;

const at = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/** Action Network keeps phone numbers as digits with the country code ("14155550132"). */
function anDigits(phone: string, country: string | null): string {
  const e164 = toE164(phone, country && isRegionCode(country) ? country : 'US');
  return e164.startsWith('+') ? e164.slice(1) : phone;
}

export interface DemoSeed {
  /** The API-created fundraising page donation writes go to. */
  fundraisingPageId: string;
  personIds: Readonly<Record<string, string>>;
}

/** Fills the store with the demo data; the same ids and timestamps every time. */
export function seedDemo(store: ActionNetworkStore): DemoSeed {
  const overlap = DEMO_PEOPLE.filter((person) => person.key in OVERLAP);
  const people = [...overlap, ...ONLY_HERE];
  const tags = TAGS.map((name) => store.createTag(name));
  const personIds: Record<string, string> = {};
  people.forEach((demo, index) => {
    const drift = OVERLAP[demo.key] ?? {};
    const created = at(SEED_TIME + index * 3 * DAY);
    const unsubscribed = demo.doNotEmail === true || demo.isOptOut === true;
    const person = store.insertPerson({
      created_date: created,
      modified_date: at(SEED_TIME + index * 3 * DAY + (index % 4) * 3_600_000),
      given_name: drift.givenName ?? demo.firstName,
      family_name: drift.familyName ?? demo.lastName,
      email_addresses: demo.email ? [{ address: (drift.email ?? ((e: string) => e))(demo.email), primary: true, status: unsubscribed ? 'unsubscribed' : 'subscribed' }] : [],
      phone_numbers: demo.phone ? [{ number: anDigits(demo.phone, demo.country), number_type: 'Mobile', primary: true, status: index % 3 === 0 ? 'subscribed' : 'unsubscribed' }] : [],
      postal_addresses:
        demo.country === null
          ? []
          : [
              {
                primary: true,
                address_lines: demo.streetAddress ? [demo.streetAddress] : [],
                ...(demo.city ? { locality: demo.city } : {}),
                ...(demo.stateProvince ? { region: demo.stateProvince } : {}),
                ...(demo.postalCode ? { postal_code: demo.postalCode } : {}),
                country: demo.country,
              },
            ],
      languages_spoken: [localeToLanguage(demo.preferredLanguage) ?? 'en'],
      custom_fields: index % 5 === 0 ? { 'Volunteer interest': index % 2 === 0 ? 'Canvassing' : 'Phone banking' } : {},
    });
    personIds[demo.key] = person.id;
    tags.forEach((tag, t) => {
      if (tag.name !== 'donor' && (index + t) % (t + 3) === 0) store.tag(tag.id, person.id, created);
    });
  });

  const page = store.createPage('Action Network demo giving', 'contact-gateway', at(SEED_TIME));
  const donorTag = tags[TAGS.indexOf('donor')];
  const ids = Object.values(personIds);
  for (let k = 0; k < 40; k++) {
    const personId = ids[(k * 7) % ids.length] ?? '';
    const amount = AMOUNTS[k % AMOUNTS.length] ?? '10.00';
    const created = at(SEED_TIME + k * 9 * DAY + (k % 7) * 3_600_000);
    // Every fifth gift is split between the campaign and operations, the way AN shows designations.
    const recipients =
      k % 5 === 4
        ? [
            { display_name: 'Spring Campaign', amount: (Number(amount) - 5).toFixed(2) },
            { display_name: 'Operations', amount: '5.00' },
          ]
        : [{ display_name: 'General', amount }];
    store.donate(page.id, { recipients, currency: k % 11 === 10 ? 'eur' : 'usd', created_date: created, modified_date: created, personId });
    if (donorTag) store.tag(donorTag.id, personId, created);
  }
  // A monthly recurring gift: four instalments from one donor.
  const monthly = personIds['olivia-martin'] ?? ids[0] ?? '';
  for (let month = 0; month < 4; month++) {
    const created = at(Date.UTC(2025, 5 + month, 1, 12, 0, 0));
    store.donate(page.id, {
      recipients: [{ display_name: 'Sustainers', amount: '20.00' }],
      currency: 'usd',
      created_date: created,
      modified_date: created,
      personId: monthly,
      recurrence: { recurring: true, period: 'Monthly' },
    });
  }
  return { fundraisingPageId: page.id, personIds };
}

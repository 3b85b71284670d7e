// Places the sync benchmark's population straight into the three simulators' stores (no HTTP), each
// CRM in its own field style, and returns the remote ids of every person and organization in each.
import type { ActionNetworkStore } from '../../connectors/actionnetwork/simulator/store.js';
import { anTimestamp } from '../../connectors/actionnetwork/simulator/records.js';
import type { SimulatorDatabase } from '../../connectors/civicrm/simulator/simulator-database.js';
import { toScaled } from '../../connectors/vtiger/simulator/decimal.js';
import { MODULES, type ModuleDef } from '../../connectors/vtiger/simulator/modules.js';
import { ADMIN_USER_ID, type RecordStore } from '../../connectors/vtiger/simulator/record-store.js';
import type { Population } from './sync-population.js';

/** Seeded records were last modified a second apart from here on: long before the first sync. */
const HISTORY_START = Date.UTC(2025, 0, 1);
const SECOND = 1000;
const DESIGNATION = 'General Fund';

export interface SeededIds {
  /** Remote ids by population index. */
  people: string[];
  organizations: string[];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "YYYY-MM-DD HH:MM:SS" in UTC, as a CiviCRM site in UTC stores it. */
function civiDateTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function seedCiviCrm(db: SimulatorDatabase, population: Population): SeededIds {
  let tick = 0;
  const at = () => new Date(HISTORY_START + tick++ * SECOND);
  const organizations = population.organizations.map(
    (org) => db.insert('Contact', { contact_type: 'Organization', organization_name: org.name, 'email_primary.email': org.email }, { at: at() }).id as number,
  );
  const people = population.people.map((person) => {
    const values = {
      contact_type: 'Individual',
      first_name: person.givenName,
      last_name: person.familyName,
      // Stated, not left to the site default, since Action Network holds the same language.
      preferred_language: 'en_US',
      'email_primary.email': person.email,
      'phone_primary.phone': `(${person.phone.slice(0, 3)}) ${person.phone.slice(3, 6)}-${person.phone.slice(6)}`,
      'phone_primary.phone_type_id:name': 'Mobile',
      ...(person.organization === null ? {} : { employer_id: organizations[person.organization] }),
    };
    return db.insert('Contact', values, { at: at() }).id as number;
  });
  for (const donation of population.donations) {
    if (donation.system !== 'CIVICRM') continue;
    const values = {
      contact_id: people[donation.donor],
      total_amount: donation.amount,
      currency: 'USD',
      'financial_type_id:name': 'Donation',
      'contribution_status_id:name': 'Completed',
      receive_date: civiDateTime(donation.receivedAt),
    };
    db.insert('Contribution', values, { at: at() });
  }
  return { people: people.map(String), organizations: organizations.map(String) };
}

/** Action Network holds no organizations: `organizations` is empty. */
export function seedActionNetwork(store: ActionNetworkStore, population: Population): SeededIds {
  let tick = 0;
  const at = () => anTimestamp(HISTORY_START + tick++ * SECOND);
  const people = population.people.map((person) => {
    const when = at();
    return store.insertPerson({
      created_date: when,
      modified_date: when,
      given_name: person.givenName,
      family_name: person.familyName,
      email_addresses: [{ address: person.email, primary: true, status: 'subscribed' }],
      phone_numbers: [{ number: `1${person.phone}`, number_type: 'Mobile', primary: true, status: 'subscribed' }],
      postal_addresses: [],
      languages_spoken: ['en'],
      custom_fields: {},
    }).id;
  });
  const page = store.createPage('Bench giving', 'simulator', anTimestamp(HISTORY_START));
  for (const donation of population.donations) {
    if (donation.system !== 'ACTION_NETWORK') continue;
    const when = at();
    store.donate(page.id, {
      recipients: [{ display_name: DESIGNATION, amount: donation.amount }],
      currency: 'usd',
      created_date: anTimestamp(donation.receivedAt),
      modified_date: when,
      personId: people[donation.donor] as string,
    });
  }
  return { people, organizations: [] };
}

function moduleNamed(name: string): ModuleDef {
  const module = MODULES.get(name);
  if (!module) throw new Error(`the ${name} module is not defined`);
  return module;
}

export function seedVtiger(store: RecordStore, population: Population): SeededIds {
  let tick = 0;
  const at = () => HISTORY_START + tick++ * SECOND;
  const [accounts, contacts, invoices, products] = ['Accounts', 'Contacts', 'Invoice', 'Products'].map(moduleNamed) as [ModuleDef, ModuleDef, ModuleDef, ModuleDef];
  const ref = (module: ModuleDef, crmid: number) => `${module.idPrefix}x${crmid}`;
  const organizations = population.organizations.map((org) => ref(accounts, store.insert(accounts, { accountname: org.name, email1: org.email }, ADMIN_USER_ID, null, at()).crmid));
  const people = population.people.map((person) => {
    const values = {
      firstname: person.givenName,
      lastname: person.familyName,
      email: person.email,
      mobile: `+1 ${person.phone.slice(0, 3)} ${person.phone.slice(3, 6)} ${person.phone.slice(6)}`,
      account_id: person.organization === null ? '' : (organizations[person.organization] as string),
    };
    return ref(contacts, store.insert(contacts, values, ADMIN_USER_ID, null, at()).crmid);
  });
  const product = ref(products, store.insert(products, { productname: DESIGNATION, unit_price: '0.00' }, ADMIN_USER_ID, null, at()).crmid);
  for (const donation of population.donations) {
    if (donation.system !== 'VTIGER') continue;
    const line = { lineItemId: store.newLineItemId(), productId: product, quantity: toScaled('1'), listPrice: toScaled(donation.amount), comment: '', description: '' };
    const values = {
      subject: `Donation ${donation.receivedAt}`,
      contact_id: people[donation.donor] as string,
      invoicedate: new Date(donation.receivedAt).toISOString().slice(0, 10),
      invoicestatus: 'Paid',
      currency_id: '21x1',
      conversion_rate: '1.000',
    };
    store.insert(invoices, values, ADMIN_USER_ID, [line], at());
  }
  return { people, organizations };
}

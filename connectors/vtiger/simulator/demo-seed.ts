// The Vtiger demo data: the CiviCRM demo organizations and most of its people, as a sales team
// would have typed them (other case, other phone formats, a nickname), a few people only Vtiger
// knows, and ~30 invoices whose products are the designations.
import { DEMO_ORGANIZATIONS, DEMO_PEOPLE, type DemoPerson } from '../../civicrm/simulator/demo-people.js';
import { toScaled } from './decimal.js';
import { MODULES, type ModuleDef } from './modules.js';
import { ADMIN_USER_ID, type RecordStore, type StoredLineItem, type StoredRecord } from './record-store.js';

/** Demo history starts here; record i was last touched i hours later. */
const HISTORY_START = Date.UTC(2025, 0, 6, 9);
const HOUR = 3_600_000;

export const DEMO_PRODUCTS = ['General Fund', 'Building Fund', 'Scholarships', 'Membership', 'Event Ticket'] as const;

/** People of the CiviCRM demo left out of Vtiger (the sales team never met them). */
const NOT_IN_VTIGER = new Set(['nadia-novak', 'oliver-smith', 'ava-davis', 'mia-kowalski', 'kiri-te-awa', 'mohammed-al-rashid', 'emma-johnson', 'li-xiaolong', 'thabo-mokoena', 'ana-souza', 'yuki-tanaka', 'pieter-de-vries', 'giulia-rossi', 'lucia-garcia', 'priya-patel', 'marie-claire-dubois', 'chloe-tremblay', 'mateo-hernandez', 'isabella-moore', 'aroha-ngata']);

/** How Vtiger's users wrote some of the shared people differently. */
const VARIATIONS: Readonly<Record<string, Partial<DemoPerson> & { mobile?: string }>> = {
  'alice-anderson': { email: 'Alice.Anderson@Example.org' },
  'bob-baker': { firstName: 'Bobby', phone: '312-555-0147' },
  'carla-clark': { email: 'CARLA.CLARK@EXAMPLE.COM', phone: '+1 415 555 0132' },
  'erin-ellis': { phone: '+44 (0)20 7946 0958' },
  'james-wilson': { firstName: 'Jim', phone: '+44 7700 900123' },
  'olivia-martin': { email: 'Olivia.Martin@example.org' },
  'sophia-nguyen': { phone: '206.555.0163' },
};

/** People only in Vtiger. */
const VTIGER_ONLY: readonly DemoPerson[] = [
  { key: 'rosa-delgado', firstName: 'Rosa', lastName: 'Delgado', email: 'rosa.delgado@example.com', phone: '(305) 555-0150', phoneType: 'Mobile', streetAddress: '100 Biscayne Blvd', city: 'Miami', postalCode: '33132', stateProvince: 'FL', country: 'US', employer: 'Globex Corporation' },
  { key: 'kwame-mensah', firstName: 'Kwame', lastName: 'Mensah', email: 'kwame.mensah@example.com.gh', phone: '+233 30 255 0123', phoneType: 'Phone', streetAddress: '5 Independence Ave', city: 'Accra', country: 'GH' },
  { key: 'ingrid-halvorsen', firstName: 'Ingrid', lastName: 'Halvorsen', email: 'ingrid.halvorsen@example.no', phone: '+47 22 55 01 23', phoneType: 'Mobile', streetAddress: 'Karl Johans gate 22', city: 'Oslo', postalCode: '0159', country: 'NO', birthDate: '1983-03-28' },
  { key: 'tomas-ortega', firstName: 'Tomás', lastName: 'Ortega', email: 'tomas.ortega@example.com', phone: '(512) 555-0177', phoneType: 'Mobile', streetAddress: '200 Lavaca St', city: 'Austin', postalCode: '78701', stateProvince: 'TX', country: 'US', employer: 'Initech' },
  { key: 'beatriz-lima', firstName: 'Beatriz', lastName: 'Lima', email: 'beatriz.lima@example.pt', phone: '+351 21 555 0123', phoneType: 'Phone', streetAddress: 'Rua Augusta 10', city: 'Lisboa', postalCode: '1100-053', country: 'PT' },
  { key: 'sam-okafor', firstName: 'Sam', lastName: 'Okafor', email: 'sam.okafor@example.org', phone: null, city: 'Portland', stateProvince: 'OR', country: 'US', employer: 'Riverside Food Bank' },
];

const AMOUNTS = ['25', '50', '100', '250', '35', '75.50', '500', '20', '60', '150'];
const EURO_COUNTRIES = new Set(['DE', 'FR', 'IE', 'NL', 'ES', 'IT', 'PT']);
const COUNTRY_NAMES = new Intl.DisplayNames(['en'], { type: 'region' });

function moduleNamed(name: string): ModuleDef {
  const module = MODULES.get(name);
  if (!module) throw new Error(`the ${name} module is not defined`);
  return module;
}

/** Vtiger holds countries as free text: mostly the English name, sometimes the code someone typed. */
function countryText(code: string | null, index: number): string {
  if (!code) return '';
  return index % 5 === 4 ? code : (COUNTRY_NAMES.of(code) ?? code);
}

export function seedDemo(store: RecordStore): void {
  let tick = 0;
  const at = (): number => HISTORY_START + tick++ * HOUR;
  const products = new Map<string, StoredRecord>();
  DEMO_PRODUCTS.forEach((name, i) => {
    products.set(name, store.insert(moduleNamed('Products'), { productname: name, unit_price: store.formatAmount(toScaled(String((i + 1) * 25))), discontinued: '1' }, ADMIN_USER_ID, null, at()));
  });

  const accounts = new Map<string, string>();
  DEMO_ORGANIZATIONS.forEach((org, i) => {
    const record = store.insert(
      moduleNamed('Accounts'),
      {
        accountname: org.name,
        email1: i % 3 === 0 ? org.email.toUpperCase() : org.email,
        phone: org.phone.replace(/[()]/g, '').replace(/\s+/g, '-'),
        website: `https://${org.email.split('@')[1] ?? 'example.org'}`,
        bill_street: org.streetAddress,
        bill_city: org.city,
        bill_state: org.stateProvince ?? '',
        bill_code: org.postalCode,
        bill_country: countryText(org.country, i),
        industry: 'Not For Profit',
      },
      // One organization belongs to the Marketing group: only syncType=userandgroup or application lists it.
      i === 5 ? 3 : ADMIN_USER_ID,
      null,
      at(),
    );
    accounts.set(org.name, `${record.module.idPrefix}x${record.crmid}`);
  });

  const people = [...DEMO_PEOPLE.filter((p) => !NOT_IN_VTIGER.has(p.key) && !p.trashed), ...VTIGER_ONLY];
  const contacts = people.map((base, i) => {
    const person = { ...base, ...VARIATIONS[base.key] };
    const phoneColumn = person.phoneType === 'Mobile' ? 'mobile' : 'phone';
    const values: Record<string, string> = {
      firstname: person.firstName,
      lastname: person.lastName,
      email: person.email ?? '',
      secondaryemail: person.otherEmails?.[0] ?? '',
      emailoptout: person.doNotEmail || person.isOptOut ? '1' : '0',
      [phoneColumn]: person.phone ?? '',
      title: person.jobTitle ?? '',
      birthday: person.birthDate ?? '',
      account_id: person.employer ? (accounts.get(person.employer) ?? '') : '',
      mailingstreet: person.streetAddress ?? '',
      mailingcity: person.city ?? '',
      mailingstate: person.stateProvince ?? '',
      mailingzip: person.postalCode ?? '',
      mailingcountry: countryText(person.country, i),
      leadsource: i % 2 === 0 ? 'Web Site' : 'Existing Customer',
    };
    return { person, record: store.insert(moduleNamed('Contacts'), values, ADMIN_USER_ID, null, at()) };
  });

  // ~30 invoices: every contact gives once, every fourth gives again; some gifts are split.
  const invoice = moduleNamed('Invoice');
  const gifts = [...contacts, ...contacts.filter((_, i) => i % 4 === 0)];
  gifts.forEach(({ person, record }, n) => {
    const total = AMOUNTS[n % AMOUNTS.length] ?? '25';
    const currencyId = person.country && EURO_COUNTRIES.has(person.country) ? '21x2' : person.country === 'CA' ? '21x4' : person.country === 'GB' ? '21x3' : '21x1';
    const product = (name: string) => products.get(name) as StoredRecord;
    const line = (name: string, price: string): StoredLineItem => ({
      lineItemId: store.newLineItemId(),
      productId: `${product(name).module.idPrefix}x${product(name).crmid}`,
      quantity: toScaled('1'),
      listPrice: toScaled(price),
      comment: '',
      description: '',
    });
    const designation = DEMO_PRODUCTS[n % DEMO_PRODUCTS.length] ?? 'General Fund';
    const split = n % 4 === 1;
    const lines = split
      ? [line('General Fund', String(Number(total) * 0.6)), line('Building Fund', String(Number(total) * 0.4))]
      : [line(designation, total)];
    const when = at();
    const date = new Date(when).toISOString().slice(0, 10);
    store.insert(
      invoice,
      {
        subject: `Donation ${date}`,
        contact_id: `${record.module.idPrefix}x${record.crmid}`,
        account_id: record.values['account_id'] ?? '',
        invoicedate: date,
        invoicestatus: n % 7 === 3 ? 'Sent' : 'Paid',
        currency_id: currencyId,
        conversion_rate: '1.000',
        hdnTaxType: 'group',
        bill_street: record.values['mailingstreet'] ?? '',
        ship_street: record.values['mailingstreet'] ?? '',
      },
      ADMIN_USER_ID,
      lines,
      when,
    );
  });
}

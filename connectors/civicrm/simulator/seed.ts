// Loads the deterministic demo data set into a simulator database (fixed instants, no wall clock).
import { DEMO_CONTRIBUTIONS } from './demo-contributions.js';
import { DEMO_ORGANIZATIONS, DEMO_PEOPLE, type DemoOrganization, type DemoPerson } from './demo-people.js';
import type { SimulatorDatabase } from './simulator-database.js';

const SEEDED_AT = Date.UTC(2026, 0, 5, 9, 0, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Organizations get ids 1–8, then people 9–48 in DEMO_PEOPLE order. Contacts are created
 * from 2026-01-05 09:00 UTC a minute apart; their modified_date is then spread over 2026
 * so "changed since" queries have something to find.
 */
export function seedDemoData(db: SimulatorDatabase): void {
  const orgIds = new Map<string, number>();
  DEMO_ORGANIZATIONS.forEach((org, i) => {
    const at = new Date(SEEDED_AT + i * MINUTE);
    orgIds.set(org.name, db.insert('Contact', organizationValues(org), { at }).id as number);
  });

  const personIds = new Map<string, number>();
  DEMO_PEOPLE.forEach((person, i) => {
    const at = new Date(SEEDED_AT + (DEMO_ORGANIZATIONS.length + i) * MINUTE);
    const id = db.insert('Contact', personValues(person, orgIds), { at }).id as number;
    personIds.set(person.key, id);
    // Extra emails first, then the primary, so the primary is not the lowest id.
    for (const email of person.otherEmails ?? []) db.insert('Email', { contact_id: id, email, location_type_id: 2 }, { at });
    if (person.email) db.insert('Email', { contact_id: id, email: person.email, is_primary: true }, { at });
  });

  const contactIds = [...orgIds.values(), ...personIds.values()];
  contactIds.forEach((id, i) => db.patch('Contact', id, { modified_date: SEEDED_AT + i * MINUTE + ((i * 37) % 300) * DAY + (i % 7) * HOUR }));

  const trashed = DEMO_PEOPLE.find((p) => p.trashed);
  if (trashed) db.trash(personIds.get(trashed.key) as number, { at: new Date(Date.UTC(2026, 5, 1, 12, 0, 0)) });

  seedContributions(db, new Map([...orgIds, ...personIds]));
}

function organizationValues(org: DemoOrganization): Record<string, unknown> {
  return {
    contact_type: 'Organization',
    organization_name: org.name,
    source: 'Demo seed',
    'email_primary.email': org.email,
    'email_primary.location_type_id:name': 'Work',
    'phone_primary.phone': org.phone,
    'phone_primary.phone_type_id:name': 'Phone',
    'address_primary.street_address': org.streetAddress,
    'address_primary.city': org.city,
    'address_primary.postal_code': org.postalCode,
    'address_primary.country_id:name': org.country,
    'address_primary.location_type_id:name': 'Main',
    ...(org.stateProvince ? { 'address_primary.state_province_id:abbr': org.stateProvince } : {}),
  };
}

function personValues(person: DemoPerson, orgIds: ReadonlyMap<string, number>): Record<string, unknown> {
  return {
    contact_type: 'Individual',
    first_name: person.firstName,
    last_name: person.lastName,
    source: 'Demo seed',
    ...(person.employer ? { employer_id: orgIds.get(person.employer) } : {}),
    ...(person.jobTitle ? { job_title: person.jobTitle } : {}),
    ...(person.birthDate ? { birth_date: person.birthDate } : {}),
    ...(person.preferredLanguage ? { preferred_language: person.preferredLanguage } : {}),
    ...(person.externalIdentifier ? { external_identifier: person.externalIdentifier } : {}),
    ...(person.doNotEmail ? { do_not_email: true } : {}),
    ...(person.isOptOut ? { is_opt_out: true } : {}),
    ...(person.phone ? { 'phone_primary.phone': person.phone, 'phone_primary.phone_type_id:name': person.phoneType ?? 'Phone' } : {}),
    ...(person.city !== null
      ? {
          'address_primary.street_address': person.streetAddress ?? null,
          'address_primary.city': person.city,
          'address_primary.postal_code': person.postalCode ?? null,
          'address_primary.country_id:name': person.country,
          ...(person.stateProvince ? { 'address_primary.state_province_id:abbr': person.stateProvince } : {}),
        }
      : {}),
  };
}

function seedContributions(db: SimulatorDatabase, contactIds: ReadonlyMap<string, number>): void {
  const createdAt = Date.UTC(2026, 0, 5, 12, 0, 0);
  const recur = db.insert(
    'ContributionRecur',
    {
      contact_id: contactIds.get('emma-johnson'),
      amount: 25,
      currency: 'USD',
      frequency_unit: 'month',
      frequency_interval: 1,
      start_date: '2026-01-15 08:00:00',
      create_date: '2026-01-10 14:00:00',
      'contribution_status_id:name': 'In Progress',
      'financial_type_id:name': 'Donation',
      'payment_instrument_id:name': 'Credit Card',
      processor_id: 'sub_demo_0001',
      cycle_day: 15,
    },
    { at: new Date(createdAt) },
  );
  DEMO_CONTRIBUTIONS.forEach((c, i) => {
    const at = new Date(createdAt + i * MINUTE);
    const row = db.insert(
      'Contribution',
      {
        contact_id: contactIds.get(c.donor),
        total_amount: c.totalAmount,
        fee_amount: c.feeAmount,
        currency: c.currency,
        'financial_type_id:name': c.financialType,
        receive_date: c.receiveDate,
        'contribution_status_id:name': c.status,
        'payment_instrument_id:name': c.paymentInstrument,
        source: c.source,
        trxn_id: c.trxnId ?? null,
        invoice_id: `inv-demo-${String(i + 1).padStart(4, '0')}`,
        is_test: c.isTest ?? false,
        ...(c.recurring ? { contribution_recur_id: recur.id } : {}),
      },
      { at },
    );
    const id = row.id as number;
    if (c.designations) {
      for (const item of db.list('LineItem').filter((l) => l.contribution_id === id)) db.remove('LineItem', item.id as number, { at });
      for (const d of c.designations) {
        db.insert(
          'LineItem',
          {
            entity_table: 'civicrm_contribution',
            entity_id: id,
            contribution_id: id,
            label: d.label,
            qty: 1,
            unit_price: d.amount,
            line_total: d.amount,
            'financial_type_id:name': d.financialType,
          },
          { at },
        );
      }
    }
    db.patch('Contribution', id, { modified_date: createdAt + i * MINUTE + ((i * 11) % 200) * DAY });
  });
}

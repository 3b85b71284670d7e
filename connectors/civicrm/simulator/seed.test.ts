// The demo seed: deterministic, consistent with DEMO_PEOPLE, and covering the cases tests rely on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCiviCrmSimulator, type CiviCrmSimulator } from './civicrm-simulator.js';
import { DEMO_CONTRIBUTIONS } from './demo-contributions.js';
import { DEMO_ORGANIZATIONS, DEMO_PEOPLE } from './demo-people.js';

let a: CiviCrmSimulator;
let b: CiviCrmSimulator;
beforeAll(async () => {
  [a, b] = await Promise.all([startCiviCrmSimulator(), startCiviCrmSimulator()]);
});
afterAll(() => Promise.all([a.close(), b.close()]));

describe('demo seed', () => {
  it('is identical on every start', () => {
    for (const entity of ['Contact', 'Email', 'Phone', 'Address', 'Contribution', 'LineItem', 'ContributionRecur'] as const) {
      expect(a.db.list(entity)).toEqual(b.db.list(entity));
    }
  });

  it('holds 8 organizations and 40 people (one trashed), in DEMO_PEOPLE order after the organizations', () => {
    const contacts = a.db.list('Contact');
    expect(contacts.filter((c) => c.contact_type === 'Organization')).toHaveLength(DEMO_ORGANIZATIONS.length);
    expect(DEMO_PEOPLE).toHaveLength(40);
    DEMO_PEOPLE.forEach((p, i) => {
      const row = a.db.read('Contact', 9 + i, ['first_name', 'last_name', 'email_primary.email', 'phone_primary.phone', 'address_primary.city', 'is_deleted']);
      expect(row).toEqual({
        first_name: p.firstName,
        last_name: p.lastName,
        'email_primary.email': p.email,
        'phone_primary.phone': p.phone,
        'address_primary.city': p.city,
        is_deleted: p.trashed === true,
      });
    });
  });

  it('gives some people a second email, the primary not being the oldest', () => {
    const bob = a.db.list('Email').filter((e) => e.contact_id === 10);
    expect(bob.map((e) => [e.email, e.is_primary])).toEqual([
      ['bob@bakerfamily.example', false],
      ['bob.baker@example.org', true],
    ]);
  });

  it('has about 60 contributions with split designations and a recurring series', () => {
    const gifts = a.db.list('Contribution');
    expect(gifts).toHaveLength(DEMO_CONTRIBUTIONS.length);
    expect(new Set(gifts.map((g) => g.currency))).toEqual(new Set(['USD', 'EUR', 'CAD']));
    const lines = a.db.list('LineItem');
    const split = gifts.filter((g) => lines.filter((l) => l.contribution_id === g.id).length === 2);
    expect(split.length).toBeGreaterThanOrEqual(5);
    for (const g of split) {
      const total = lines.filter((l) => l.contribution_id === g.id).reduce((sum, l) => sum + (l.line_total as number), 0);
      expect(total).toBeCloseTo(g.total_amount as number, 2);
    }
    expect(gifts.filter((g) => g.contribution_recur_id !== null)).toHaveLength(3);
    expect(a.db.list('ContributionRecur')).toHaveLength(1);
  });

  it('spreads modified dates over 2026, none in the future of the seed year', () => {
    const modified = a.db.list('Contact').map((c) => c.modified_date as number);
    expect(Math.min(...modified)).toBeGreaterThanOrEqual(Date.UTC(2026, 0, 5));
    expect(Math.max(...modified)).toBeLessThan(Date.UTC(2027, 0, 1));
    expect(new Set(modified.map((m) => new Date(m).getUTCMonth())).size).toBeGreaterThan(6);
  });

  it('can start empty, or with a custom seed', async () => {
    const empty = await startCiviCrmSimulator({ seed: 'none' });
    const custom = await startCiviCrmSimulator({ seed: (db) => void db.insert('Contact', { first_name: 'Only' }) });
    try {
      expect(empty.db.list('Contact')).toEqual([]);
      expect(empty.db.list('Country').length).toBeGreaterThan(30);
      expect(custom.db.read('Contact', 1, ['display_name'])).toEqual({ display_name: 'Only' });
    } finally {
      await Promise.all([empty.close(), custom.close()]);
    }
  });
});

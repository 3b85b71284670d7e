import { describe, expect, it } from 'vitest';
import { planChildWrites } from './child-rows.js';

describe('planChildWrites', () => {
  it('creates every row for a new parent, in list order', () => {
    const calls = planChildWrites('emails', 7, [], [
      { email: 'q@example.org', is_primary: false, on_hold: 0 },
      { email: 'p@example.org', is_primary: true, on_hold: 0 },
    ]);
    expect(calls).toEqual([
      ['Email', 'create', { values: { contact_id: 7, email: 'q@example.org', is_primary: false, on_hold: 0 } }],
      ['Email', 'create', { values: { contact_id: 7, email: 'p@example.org', is_primary: true, on_hold: 0 } }],
    ]);
  });

  it('matches rows by identity, reuses leftover rows in order, and deletes the rest first', () => {
    const existing = [
      { id: 1, email: 'keep@example.org', is_primary: true, on_hold: 0 },
      { id: 2, email: 'BOUNCE@example.org', is_primary: false, on_hold: 0 },
      { id: 3, email: 'old@example.org', is_primary: false, on_hold: 0 },
      { id: 4, email: 'gone@example.org', is_primary: false, on_hold: 0 },
    ];
    const calls = planChildWrites('emails', 7, existing, [
      { email: 'keep@example.org', is_primary: false, on_hold: 0 },
      { email: 'bounce@example.org', is_primary: false, on_hold: 1 },
      { email: 'new@example.org', is_primary: true, on_hold: 0 },
      { email: 'another@example.org', is_primary: false, on_hold: 0 },
    ]);
    expect(calls).toEqual([
      ['Email', 'update', { where: [['id', '=', 1]], values: { email: 'keep@example.org', is_primary: false, on_hold: 0 } }],
      ['Email', 'update', { where: [['id', '=', 2]], values: { email: 'bounce@example.org', is_primary: false, on_hold: 1 } }],
      ['Email', 'update', { where: [['id', '=', 3]], values: { email: 'new@example.org', is_primary: true, on_hold: 0 } }],
      ['Email', 'update', { where: [['id', '=', 4]], values: { email: 'another@example.org', is_primary: false, on_hold: 0 } }],
    ]);
    const shorter = planChildWrites('emails', 7, existing, [{ email: 'old@example.org', is_primary: true, on_hold: 0 }, { email: 'x@example.org', is_primary: false, on_hold: 0 }]);
    expect(shorter).toEqual([
      ['Email', 'delete', { where: [['id', 'IN', [2, 4]]] }],
      ['Email', 'update', { where: [['id', '=', 3]], values: { email: 'old@example.org', is_primary: true, on_hold: 0 } }],
      ['Email', 'update', { where: [['id', '=', 1]], values: { email: 'x@example.org', is_primary: false, on_hold: 0 } }],
    ]);
    const extra = planChildWrites('emails', 7, [], [{ email: 'a@example.org', is_primary: true }]);
    expect(extra[0]?.[1]).toBe('create');
  });

  it('treats numbers and decimal strings, null and absent, as equal', () => {
    const existing = [{ id: 5, label: 'Fund', line_total: 60.5, qty: 1, unit_price: 60.5 }];
    expect(planChildWrites('lineItems', 9, existing, [{ label: 'Fund', line_total: '60.50', qty: 1, unit_price: '60.50' }])).toEqual([]);
    expect(planChildWrites('addresses', 9, [{ id: 1, city: 'X', street_address: null }], [{ city: 'X' }])).toEqual([]);
  });

  it('ties new line items to their contribution and adds the extra values', () => {
    const calls = planChildWrites('lineItems', 9, [], [{ label: 'Fund', line_total: '5.00' }], { 'financial_type_id:name': 'Donation' });
    expect(calls).toEqual([
      ['LineItem', 'create', { values: { contribution_id: 9, entity_id: 9, entity_table: 'civicrm_contribution', 'financial_type_id:name': 'Donation', label: 'Fund', line_total: '5.00' } }],
    ]);
  });

  it('leaves websites the unified field does not stand for alone', () => {
    const existing = [
      { id: 1, url: 'https://facebook.com/x', 'website_type_id:name': 'Facebook' },
      { id: 2, url: 'https://old.example', 'website_type_id:name': 'Work' },
    ];
    expect(planChildWrites('websites', 3, existing, [])).toEqual([['Website', 'delete', { where: [['id', 'IN', [2]]] }]]);
  });
});

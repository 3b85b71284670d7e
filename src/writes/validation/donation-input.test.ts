import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DonationInputShape } from '../inputs.js';
import { donationFromInput } from './donation-input.js';
import { validationFixture, type ValidationFixture } from './validation-fixtures.js';

let fx: ValidationFixture;
beforeAll(async () => {
  fx = await validationFixture();
});

describe('donationFromInput', () => {
  it('normalises amounts to the currency minor digits and defaults receivedAt to now', () => {
    const donation = donationFromInput(
      { donorId: fx.personId, amount: { amount: '25', currency: 'usd' }, designations: [{ name: ' Books ', amount: { amount: '10.5', currency: 'USD' } }] },
      fx.rules,
    );
    expect(donation).toEqual({
      amount: { amount: '25.00', currency: 'USD' },
      receivedAt: fx.rules.now(),
      donorRef: fx.personId,
      designations: [{ name: 'Books', amount: { amount: '10.50', currency: 'USD' } }],
      recurring: false,
    });
    const yen = donationFromInput({ donorId: fx.personId, amount: { amount: '2500', currency: 'JPY' }, receivedAt: DateTime.fromISO('2026-01-01T00:00:00Z'), recurring: true }, fx.rules);
    expect(yen.amount).toEqual({ amount: '2500', currency: 'JPY' });
    expect(yen.recurring).toBe(true);
  });

  const donor = () => fx.personId;
  it.each([
    [() => ({ donorId: fx.organizationId, amount: { amount: '5', currency: 'USD' } }), 'input.donorId', () => `input.donorId must be the id of an existing person ("per_…"), but got: "${fx.organizationId}"`],
    [() => ({ donorId: 'nope', amount: { amount: '5', currency: 'USD' } }), 'input.donorId', () => 'input.donorId must be the id of an existing person ("per_…"), but got: "nope"'],
    [() => ({ donorId: donor(), amount: { amount: '5', currency: 'XYZ' } }), 'input.amount.currency', () => 'input.amount.currency must be an ISO 4217 currency code such as "USD", but got: "XYZ"'],
    [() => ({ donorId: donor(), amount: { amount: '0.00', currency: 'USD' } }), 'input.amount.amount', () => 'input.amount.amount must be a decimal amount greater than 0 with at most 2 decimal places for USD, such as "25.00", but got: "0.00"'],
    [() => ({ donorId: donor(), amount: { amount: '-5', currency: 'USD' } }), 'input.amount.amount', () => 'input.amount.amount must be a decimal amount greater than 0 with at most 2 decimal places for USD, such as "25.00", but got: "-5"'],
    [() => ({ donorId: donor(), amount: { amount: '1.005', currency: 'USD' } }), 'input.amount.amount', () => 'input.amount.amount must be a decimal amount greater than 0 with at most 2 decimal places for USD, such as "25.00", but got: "1.005"'],
    [() => ({ donorId: donor(), amount: { amount: '12.5', currency: 'JPY' } }), 'input.amount.amount', () => 'input.amount.amount must be a decimal amount greater than 0 with no decimal places for JPY, such as "2500", but got: "12.5"'],
    [() => ({ donorId: donor(), amount: { amount: '1e3', currency: 'USD' } }), 'input.amount.amount', () => 'input.amount.amount must be a decimal amount greater than 0 with at most 2 decimal places for USD, such as "25.00", but got: "1e3"'],
    [
      () => ({ donorId: donor(), amount: { amount: '5', currency: 'USD' }, designations: [{ name: 'A', amount: { amount: '5', currency: 'EUR' } }] }),
      'input.designations[0].amount.currency',
      () => "input.designations[0].amount.currency must be the donation's currency USD, but got: \"EUR\"",
    ],
    [
      () => ({ donorId: donor(), amount: { amount: '5', currency: 'USD' }, designations: [{ name: 'A', amount: { amount: '3', currency: 'USD' } }, { name: 'B', amount: { amount: '2.01', currency: 'USD' } }] }),
      'input.designations',
      () => 'input.designations must be designations adding up to at most the amount 5.00 USD, but got: ["3.00","2.01"]',
    ],
  ] as [() => DonationInputShape, string, () => string][])('rejects an invalid donation naming %#: %s', (input, argument, message) => {
    expect(() => donationFromInput(input(), fx.rules)).toThrowError(expect.objectContaining({ code: 'BAD_USER_INPUT', argument, message: message() }));
  });
});

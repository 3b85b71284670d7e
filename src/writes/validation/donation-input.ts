// Validates a DonationInput into unified donation data; donorRef holds the donor's UNIFIED id.
import type { Designation, UnifiedDonation } from '../../model/entities.js';
import type { DonationInputShape } from '../inputs.js';
import { optionalText } from './contact-point-rules.js';
import { invalidInput } from './input-error.js';
import type { InputRules } from './input-rules.js';
import { knownId } from './known-ids.js';
import { minorUnits, moneyFrom } from './money-rules.js';

/** Throws BAD_USER_INPUT naming the first wrong field. */
export function donationFromInput(input: DonationInputShape, rules: InputRules, path = 'input'): UnifiedDonation {
  const donorRef = knownId(rules.identity, input.donorId, 'PERSON', `${path}.donorId`);
  const amount = moneyFrom(input.amount, `${path}.amount`);
  const designations = (input.designations ?? []).map((given, i): Designation => {
    const where = `${path}.designations[${i}]`;
    const name = optionalText(given.name);
    if (name === null) throw invalidInput(`${where}.name`, 'a non-blank name', given.name);
    const money = moneyFrom(given.amount, `${where}.amount`);
    if (money.currency !== amount.currency) throw invalidInput(`${where}.amount.currency`, `the donation's currency ${amount.currency}`, given.amount.currency);
    return { name, amount: money };
  });
  const designated = designations.reduce((sum, d) => sum + minorUnits(d.amount), 0n);
  if (designated > minorUnits(amount)) {
    throw invalidInput(`${path}.designations`, `designations adding up to at most the amount ${amount.amount} ${amount.currency}`, designations.map((d) => d.amount.amount));
  }
  return { amount, receivedAt: input.receivedAt ?? rules.now(), donorRef, designations, recurring: input.recurring ?? false };
}

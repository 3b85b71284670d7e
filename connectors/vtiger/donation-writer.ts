// Builds the Invoice element for a donation: every invoice line needs a product, and Vtiger sets
// the total itself from the lines, so the amount is written as lines that add up to it.
import { GatewayError } from '../../src/errors/gateway-error.js';
import type { UnifiedDonation } from '../../src/model/entities.js';
import { formatAmount, fromMinorUnits, minorDigits, toMinorUnits } from '../money.js';
import type { VtigerElement } from './client.js';
import type { InventoryLookups } from './inventory-lookups.js';
import type { VtigerMapper } from './mapper.js';

/** The product that carries the part of a donation no designation names. */
export const GENERAL_DESIGNATION = 'Donation';

/** "25.50" in USD → 2550n: amounts compared exactly, in the currency's minor units. */
function minorUnits(amount: string, currency: string): bigint {
  return toMinorUnits(formatAmount(amount, currency), minorDigits(currency));
}

export class DonationWriter {
  constructor(
    private readonly mapper: VtigerMapper,
    private readonly lookups: InventoryLookups,
  ) {}

  /**
   * The element for a whole donation: the designations as lines (product = the designation's
   * name, created when missing), plus one GENERAL_DESIGNATION line for what they leave of the
   * amount. Designations adding up to more than the amount cannot be written.
   */
  async element(donation: UnifiedDonation, forCreate: boolean): Promise<VtigerElement> {
    const view = this.mapper.donationChanges({ receivedAt: donation.receivedAt, donorRef: donation.donorRef, designations: donation.designations });
    const currency = donation.amount.currency;
    const lines = [...(view.lines ?? [])];
    const designated = lines.reduce((sum, line) => sum + minorUnits(line.listprice, currency), 0n);
    const rest = minorUnits(donation.amount.amount, currency) - designated;
    if (rest < 0n) {
      throw GatewayError.badInput(
        'designations',
        `VTIGER invoices total their lines: designations must add up to at most the amount ${donation.amount.amount} ${currency}, but they add up to ${fromMinorUnits(designated, minorDigits(currency))}`,
      );
    }
    if (rest > 0n || lines.length === 0) lines.push({ name: GENERAL_DESIGNATION, quantity: '1', listprice: fromMinorUnits(rest, minorDigits(currency)) });
    await this.lookups.loadCurrencies();
    const currencyId = this.lookups.currencyId(currency);
    if (currencyId === '') {
      throw GatewayError.badInput('amount', `VTIGER amount currency must be one the Vtiger install has, but got: ${JSON.stringify(currency)}`);
    }
    const lineItems = await Promise.all(
      lines.map(async (line) => ({ productid: await this.lookups.productIdFor(line.name), quantity: line.quantity, listprice: line.listprice, comment: line.name })),
    );
    const element: VtigerElement = {
      invoicedate: view.invoicedate ?? '',
      contact_id: view.contact_id ?? '',
      currency_id: currencyId,
      LineItems: lineItems,
    };
    if (forCreate) element['subject'] = `${GENERAL_DESIGNATION} ${view.invoicedate ?? ''}`.trim();
    return element;
  }
}

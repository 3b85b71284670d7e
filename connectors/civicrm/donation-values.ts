// Pure conversions for a Contribution's money, date and line items (designations).
import type { DateTime } from 'luxon';
import { GatewayError } from '../../src/errors/gateway-error.js';
import type { Designation, Money } from '../../src/model/entities.js';
import { formatAmount } from '../money.js';
import { naiveToUtc, utcToNaive } from '../naive-time.js';
import type { LineItemRow } from './raw.js';

export type LineItemDraft = Omit<LineItemRow, 'id' | 'contribution_id'>;

/** The label CiviCRM gives the line item it creates by itself for a plain contribution. */
export const AUTO_LINE_LABEL = 'Contribution Amount';
/** CiviCRM's site default; a contribution without a currency is in it. */
const DEFAULT_CURRENCY = 'USD';

interface AmountRaw {
  total_amount: number | string;
  currency: string | null;
}

export function readAmount(raw: AmountRaw): Money {
  const currency = raw.currency ?? DEFAULT_CURRENCY;
  return { amount: formatAmount(raw.total_amount, currency), currency };
}

export function writeAmount(money: Money): AmountRaw {
  return { total_amount: money.amount, currency: money.currency };
}

export function readReceivedAt(raw: { receive_date: string | null }, timezone: string): DateTime {
  const at = naiveToUtc(raw.receive_date, timezone);
  if (at === null) {
    throw new GatewayError('MAPPING', `CIVICRM contribution receive_date must be "YYYY-MM-DD HH:MM:SS", but got: ${JSON.stringify(raw.receive_date)}`, {
      system: 'CIVICRM',
    });
  }
  return at;
}

export function writeReceivedAt(at: DateTime, timezone: string): { receive_date: string } {
  return { receive_date: utcToNaive(at, timezone) };
}

/**
 * Line items are the designations. A plain contribution has the one line CiviCRM created itself,
 * labelled "Contribution Amount": it stands for the financial type ("Donation"), which is the
 * meaningful name, so it becomes one designation named after that type.
 */
export function readDesignations(raw: {
  lineItems: readonly LineItemDraft[];
  currency: string | null;
  'financial_type_id:name': string | null;
}): Designation[] {
  const currency = raw.currency ?? DEFAULT_CURRENCY;
  const [only] = raw.lineItems;
  if (raw.lineItems.length === 1 && only?.label === AUTO_LINE_LABEL) {
    return [{ name: raw['financial_type_id:name'] ?? AUTO_LINE_LABEL, amount: { amount: formatAmount(only.line_total, currency), currency } }];
  }
  return raw.lineItems.map((item) => ({ name: item.label ?? '', amount: { amount: formatAmount(item.line_total, currency), currency } }));
}

/**
 * One line item per designation, in the contribution's currency. An empty list writes nothing:
 * CiviCRM's accounting hangs off line items, so a contribution always keeps at least one.
 */
export function writeDesignations(designations: readonly Designation[]): { lineItems?: LineItemDraft[] } {
  if (designations.length === 0) return {};
  return {
    lineItems: designations.map((d) => ({ label: d.name, line_total: d.amount.amount, qty: 1, unit_price: d.amount.amount })),
  };
}

// What a fresh Vtiger install already holds before any data is added: its currencies.
import { MODULES } from './modules.js';
import type { RecordStore } from './record-store.js';

const CURRENCIES = [
  { currency_name: 'USA, Dollars', currency_code: 'USD', currency_symbol: '$', conversion_rate: '1.00000', defaultid: '-11' },
  { currency_name: 'Euro', currency_code: 'EUR', currency_symbol: '€', conversion_rate: '0.92000', defaultid: '0' },
  { currency_name: 'UK, Pounds', currency_code: 'GBP', currency_symbol: '£', conversion_rate: '0.79000', defaultid: '0' },
  { currency_name: 'Canada, Dollars', currency_code: 'CAD', currency_symbol: '$', conversion_rate: '1.36000', defaultid: '0' },
];

/** Currency rows 21x1 (USD, the base currency), 21x2 (EUR), 21x3 (GBP) and 21x4 (CAD). */
export function installBase(store: RecordStore): void {
  const currency = MODULES.get('Currency');
  if (!currency) return;
  CURRENCIES.forEach((row, index) => store.addNonEntityRow(currency, index + 1, { ...row, currency_status: 'Active', deleted: '0' }));
}

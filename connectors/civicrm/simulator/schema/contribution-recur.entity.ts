// A minimal ContributionRecur entity (civicrm_contribution_recur): enough to link recurring gifts.
import { field, type EntitySpec } from './field-spec.js';
import { CONTRIBUTION_STATUSES, CURRENCIES, FINANCIAL_TYPES, FREQUENCY_UNITS, PAYMENT_INSTRUMENTS } from './option-lists.js';

export const CONTRIBUTION_RECUR: EntitySpec = {
  name: 'ContributionRecur',
  fields: [
    field.id('Recurring Contribution ID'),
    field.int('contact_id', 'Contact ID', { fk: 'Contact', required: true }),
    field.money('amount', 'Amount', { required: true }),
    field.str('currency', 'Currency', { options: CURRENCIES, default: 'USD' }),
    field.str('frequency_unit', 'Frequency Unit', { options: FREQUENCY_UNITS, default: 'month' }),
    field.int('frequency_interval', 'Interval (number of units)', { default: 1 }),
    field.int('installments', 'Number of Installments'),
    field.datetime('start_date', 'Start Date'),
    field.datetime('create_date', 'Created Date'),
    field.timestamp('modified_date', 'Modified Date'),
    field.datetime('cancel_date', 'Cancel Date'),
    field.datetime('end_date', 'Recurring Contribution End Date'),
    field.str('processor_id', 'Processor ID'),
    field.str('trxn_id', 'Transaction ID'),
    field.int('contribution_status_id', 'Status', { options: CONTRIBUTION_STATUSES, default: 2 }),
    field.bool('is_test', 'Test'),
    field.int('cycle_day', 'Number of Cycle Day', { default: 1 }),
    field.int('financial_type_id', 'Financial Type ID', { fk: 'FinancialType', options: FINANCIAL_TYPES }),
    field.int('payment_instrument_id', 'Payment Method', { options: PAYMENT_INSTRUMENTS }),
  ],
};

// The Contribution entity (civicrm_contribution).
import { field, type EntitySpec } from './field-spec.js';
import { CONTRIBUTION_STATUSES, CURRENCIES, FINANCIAL_TYPES, PAYMENT_INSTRUMENTS } from './option-lists.js';

export const CONTRIBUTION: EntitySpec = {
  name: 'Contribution',
  resultExtras: ['skipCleanMoney'],
  fields: [
    field.id('Contribution ID'),
    field.int('contact_id', 'Contact ID', { fk: 'Contact', required: true }),
    field.int('financial_type_id', 'Financial Type ID', { fk: 'FinancialType', options: FINANCIAL_TYPES, required: true }),
    field.int('contribution_page_id', 'Contribution Page ID'),
    field.int('payment_instrument_id', 'Payment Method ID', { options: PAYMENT_INSTRUMENTS }),
    field.datetime('receive_date', 'Contribution Date'),
    field.money('non_deductible_amount', 'Non-deductible Amount', { default: 0 }),
    field.money('total_amount', 'Total Amount', { required: true }),
    field.money('fee_amount', 'Fee Amount'),
    field.money('net_amount', 'Net Amount'),
    field.str('trxn_id', 'Transaction ID', { unique: true }),
    field.str('invoice_id', 'Invoice Reference', { unique: true }),
    field.str('invoice_number', 'Invoice Number'),
    field.str('currency', 'Currency', { options: CURRENCIES }),
    field.datetime('cancel_date', 'Cancel Date'),
    field.text('cancel_reason', 'Cancellation / Refund Reason'),
    field.datetime('receipt_date', 'Receipt Date'),
    field.datetime('thankyou_date', 'Thank-you Date'),
    field.str('source', 'Contribution Source'),
    field.text('amount_level', 'Amount Label'),
    field.int('contribution_recur_id', 'Recurring Contribution ID', { fk: 'ContributionRecur' }),
    field.bool('is_test', 'Test'),
    field.bool('is_pay_later', 'Is Pay Later'),
    field.int('contribution_status_id', 'Contribution Status ID', { options: CONTRIBUTION_STATUSES }),
    field.int('address_id', 'Address', { fk: 'Address' }),
    field.str('check_number', 'Check Number'),
    field.int('campaign_id', 'Campaign ID'),
    field.str('creditnote_id', 'Credit Note ID'),
    field.money('tax_amount', 'Tax Amount'),
    field.datetime('revenue_recognition_date', 'Revenue Recognition Date'),
    field.bool('is_template', 'Is a Template Contribution'),
    // Real CiviCRM only has these from 6.9 (the reference); the gateway's incremental sync
    // wants them, so the simulator keeps them, as TIMESTAMP columns like Contact's.
    field.timestamp('created_date', 'Created Date'),
    field.timestamp('modified_date', 'Modified Date'),
  ],
};

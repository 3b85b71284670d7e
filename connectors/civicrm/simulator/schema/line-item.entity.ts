// The LineItem entity (civicrm_line_item): one per contribution, several for split designations.
import { field, type EntitySpec } from './field-spec.js';
import { FINANCIAL_TYPES } from './option-lists.js';

export const LINE_ITEM: EntitySpec = {
  name: 'LineItem',
  fields: [
    field.id('Line Item ID'),
    field.str('entity_table', 'Line Item Entity Type', { required: true }),
    field.int('entity_id', 'Line Item Entity', { required: true }),
    field.int('contribution_id', 'Contribution ID', { fk: 'Contribution' }),
    field.int('price_field_id', 'Price Field ID'),
    field.str('label', 'Line Item Label'),
    field.float('qty', 'Line Item Quantity', { required: true }),
    field.money('unit_price', 'Unit Price', { required: true }),
    field.money('line_total', 'Line Item Total', { required: true }),
    field.int('participant_count', 'Line Item Participant Count'),
    field.int('price_field_value_id', 'Option ID'),
    field.int('financial_type_id', 'Financial Type ID', { fk: 'FinancialType', options: FINANCIAL_TYPES }),
    field.money('non_deductible_amount', 'Non-deductible Amount', { default: 0 }),
    field.money('tax_amount', 'Tax Amount', { default: 0 }),
    field.int('membership_num_terms', 'Number of membership terms purchased'),
  ],
};

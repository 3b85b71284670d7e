// Read-only reference entities (Country, StateProvince, FinancialType), the targets of joins like `country_id.name`.
import { field, type EntitySpec } from './field-spec.js';
import { COUNTRY_OPTIONS } from './option-lists.js';

export const COUNTRY: EntitySpec = {
  name: 'Country',
  readOnly: true,
  fields: [
    field.id('Country ID'),
    field.str('name', 'Country'),
    field.str('iso_code', 'Country ISO Code'),
    field.int('region_id', 'World Region'),
    field.bool('is_active', 'Country Is Active', { default: true }),
  ],
};

export const STATE_PROVINCE: EntitySpec = {
  name: 'StateProvince',
  readOnly: true,
  fields: [
    field.id('State ID'),
    field.str('name', 'State/Province'),
    field.str('abbreviation', 'State/Province Abbreviation'),
    field.int('country_id', 'Country ID', { fk: 'Country', options: COUNTRY_OPTIONS }),
    field.bool('is_active', 'StateProvince Is Active', { default: true }),
  ],
};

export const FINANCIAL_TYPE: EntitySpec = {
  name: 'FinancialType',
  readOnly: true,
  fields: [
    field.id('Financial Type ID'),
    field.str('name', 'Financial Type'),
    field.str('label', 'Financial Type Label'),
    field.str('description', 'Description'),
    field.bool('is_deductible', 'Is Tax Deductible?'),
    field.bool('is_reserved', 'Financial Type is Reserved?'),
    field.bool('is_active', 'Financial Type Is Active?', { default: true }),
  ],
};

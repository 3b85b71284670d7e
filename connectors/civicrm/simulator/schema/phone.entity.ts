// The Phone entity (civicrm_phone).
import { field, type EntitySpec } from './field-spec.js';
import { LOCATION_TYPES, PHONE_TYPES } from './option-lists.js';

export const PHONE: EntitySpec = {
  name: 'Phone',
  fields: [
    field.id('Phone ID'),
    field.int('contact_id', 'Contact ID', { fk: 'Contact' }),
    field.int('location_type_id', 'Phone Location Type', { options: LOCATION_TYPES }),
    field.bool('is_primary', 'Is Phone Primary'),
    field.bool('is_billing', 'Is Billing Phone'),
    field.int('mobile_provider_id', 'Mobile Provider'),
    field.str('phone', 'Phone'),
    field.str('phone_ext', 'Phone Extension'),
    field.str('phone_numeric', 'Numeric', { readonly: true }),
    field.int('phone_type_id', 'Phone Type', { options: PHONE_TYPES }),
  ],
};

// The Email entity (civicrm_email).
import { field, type EntitySpec } from './field-spec.js';
import { EMAIL_ON_HOLD, LOCATION_TYPES } from './option-lists.js';

export const EMAIL: EntitySpec = {
  name: 'Email',
  fields: [
    field.id('Email ID'),
    field.int('contact_id', 'Contact ID', { fk: 'Contact' }),
    field.int('location_type_id', 'Email Location Type', { options: LOCATION_TYPES }),
    field.str('email', 'Email'),
    field.bool('is_primary', 'Is Primary'),
    field.bool('is_billing', 'Is Billing'),
    field.int('on_hold', 'On Hold', { options: EMAIL_ON_HOLD, default: 0 }),
    field.bool('is_bulkmail', 'Use for Bulk Mail'),
    field.datetime('hold_date', 'Hold Date'),
    field.datetime('reset_date', 'Reset Date'),
    field.text('signature_text', 'Signature Text'),
    field.text('signature_html', 'Signature Html'),
  ],
};

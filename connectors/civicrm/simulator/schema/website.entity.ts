// The Website entity (civicrm_website): an organization's (or person's) URLs, one row per type.
import { field, type EntitySpec, type OptionItem } from './field-spec.js';

/** Stock website types (civicrm_option_group "website_type"). */
export const WEBSITE_TYPES: readonly OptionItem[] = [
  [1, 'Work'],
  [2, 'Main'],
  [3, 'Facebook'],
  [5, 'Instagram'],
  [6, 'LinkedIn'],
  [8, 'Pinterest'],
  [10, 'Tumblr'],
  [11, 'Twitter'],
].map(([id, name]) => ({ id: id as number, name: name as string, label: name as string }));

export const WEBSITE: EntitySpec = {
  name: 'Website',
  fields: [
    field.id('Website ID'),
    field.int('contact_id', 'Contact ID', { fk: 'Contact' }),
    field.str('url', 'Website'),
    field.int('website_type_id', 'Website Type', { options: WEBSITE_TYPES }),
  ],
};

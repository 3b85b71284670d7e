// The Address entity (civicrm_address): the 29 core columns observed on a real 5.77.
import { field, type EntitySpec } from './field-spec.js';
import { COUNTRY_OPTIONS, LOCATION_TYPES, STATE_PROVINCE_OPTIONS } from './option-lists.js';

export const ADDRESS: EntitySpec = {
  name: 'Address',
  fields: [
    field.id('Address ID'),
    field.int('contact_id', 'Contact ID', { fk: 'Contact' }),
    field.int('location_type_id', 'Address Location Type', { options: LOCATION_TYPES }),
    field.bool('is_primary', 'Is Primary'),
    field.bool('is_billing', 'Is Billing Address'),
    field.str('street_address', 'Street Address'),
    field.int('street_number', 'Street Number'),
    field.str('street_number_suffix', 'Street Number Suffix'),
    field.str('street_number_predirectional', 'Street Direction Prefix'),
    field.str('street_name', 'Street Name'),
    field.str('street_type', 'Street Type'),
    field.str('street_number_postdirectional', 'Street Direction Suffix'),
    field.str('street_unit', 'Street Unit'),
    field.str('supplemental_address_1', 'Supplemental Address 1'),
    field.str('supplemental_address_2', 'Supplemental Address 2'),
    field.str('supplemental_address_3', 'Supplemental Address 3'),
    field.str('city', 'City'),
    field.int('county_id', 'County ID'),
    field.int('state_province_id', 'State/Province', { fk: 'StateProvince', options: STATE_PROVINCE_OPTIONS }),
    field.str('postal_code_suffix', 'Postal Code Suffix'),
    field.str('postal_code', 'Postal Code'),
    field.str('usps_adc', 'USPS Codes'),
    field.int('country_id', 'Country', { fk: 'Country', options: COUNTRY_OPTIONS }),
    field.float('geo_code_1', 'Latitude'),
    field.float('geo_code_2', 'Longitude'),
    field.bool('manual_geo_code', 'Is Manually Geocoded'),
    field.str('timezone', 'Timezone'),
    field.str('name', 'Address Name'),
    field.int('master_id', 'Master Address ID', { fk: 'Address' }),
  ],
};

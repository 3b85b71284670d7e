// Loads the reference tables every CiviCRM install ships with (countries, states, financial types).
import { COUNTRIES } from '../schema/countries.js';
import { FINANCIAL_TYPES } from '../schema/option-lists.js';
import { STATE_PROVINCES } from '../schema/state-provinces.js';
import type { CiviStore } from './civi-store.js';

/** Present whatever the seed option says: they are part of the schema, not demo data. */
export function loadReferenceData(store: CiviStore): void {
  for (const c of COUNTRIES) {
    store.insert('Country', { name: c.name, iso_code: c.isoCode, region_id: c.regionId, is_active: true }, c.id);
  }
  for (const s of STATE_PROVINCES) {
    store.insert('StateProvince', { name: s.name, abbreviation: s.abbreviation, country_id: s.countryId, is_active: true }, s.id);
  }
  for (const t of FINANCIAL_TYPES) {
    store.insert(
      'FinancialType',
      { name: t.name, label: t.label, is_deductible: t.name === 'Donation', is_reserved: false, is_active: true },
      t.id as number,
    );
  }
}

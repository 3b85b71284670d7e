// The checks a write must pass: mandatory values (API layer), then unique keys and foreign keys (database).
import { civiErrors } from '../api-error.js';
import type { EntitySpec, StoredRow } from '../schema/field-spec.js';
import type { CiviStore } from '../store/civi-store.js';

/** Required columns that are absent, null or '' after defaults, in schema order. */
export function checkMandatory(entity: EntitySpec, row: StoredRow, action: string): void {
  const missing = entity.fields
    .filter((f) => f.required && (row[f.name] === undefined || row[f.name] === null || row[f.name] === ''))
    .map((f) => f.name);
  if (missing.length > 0) throw civiErrors.mandatoryMissing(entity.name, action, missing);
}

/**
 * Mimics the MySQL constraints behind "DB Error: …". Unique indexes compare
 * case-insensitively, like the utf8mb4_unicode_ci collation.
 */
export function checkDatabaseConstraints(store: CiviStore, entity: EntitySpec, row: StoredRow, selfId?: number): void {
  for (const f of entity.fields) {
    const value = row[f.name];
    if (value === null || value === undefined || value === '') continue;
    if (f.unique) {
      const folded = String(value).toLowerCase();
      const clash = store.rows(entity.name).some((r) => r.id !== selfId && r[f.name] !== null && String(r[f.name]).toLowerCase() === folded);
      if (clash) throw civiErrors.alreadyExists();
    }
    if (f.fk && !f.primaryOf && (typeof value !== 'number' || !store.find(f.fk, value))) {
      throw civiErrors.constraintViolation();
    }
  }
}

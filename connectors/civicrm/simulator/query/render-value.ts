// How a stored column value appears in API output: get form, and the compact form of write results.
import { compactDate, renderTimestamp } from '../dates.js';
import type { FieldSpec, StoredValue } from '../schema/field-spec.js';

/** Get form: TIMESTAMP instants become naive site-local strings; everything else as stored. */
export function renderValue(field: FieldSpec, value: StoredValue, timeZone: string): StoredValue {
  if (field.type === 'Timestamp' && typeof value === 'number') return renderTimestamp(value, timeZone);
  return value;
}

/** Write-result form: every date-like column in compact YYYYMMDDHHMMSS (observed on create). */
export function renderWriteValue(field: FieldSpec, value: StoredValue, timeZone: string): StoredValue {
  const shown = renderValue(field, value, timeZone);
  if (typeof shown === 'string' && (field.type === 'Timestamp' || field.type === 'Datetime' || field.type === 'Date')) {
    return compactDate(shown);
  }
  return shown;
}

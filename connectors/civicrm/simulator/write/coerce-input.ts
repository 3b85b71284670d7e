// Turns a written JSON value into what the column stores, with Civi's weak validation.
import { toSqlDate, toSqlDatetime } from '../dates.js';
import type { FieldSpec, StoredValue } from '../schema/field-spec.js';

export interface CoerceContext {
  readonly timeZone: string;
  readonly nowMs: number;
}

/**
 * Real Civi validates little (observed: a bad email is stored as given, birth_date
 * "not-a-date" becomes 1970-01-01), so coercion never fails: what cannot be read as the
 * column's type becomes null, except unreadable dates, which become the epoch as observed.
 */
export function coerceInput(field: FieldSpec, value: unknown, ctx: CoerceContext): StoredValue {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case 'Integer':
      return toInteger(value);
    case 'Boolean':
      return toBoolean(value);
    case 'Money':
      return roundMoney(toNumber(value));
    case 'Float':
      return toNumber(value);
    case 'Date':
      return value === '' ? null : (toSqlDate(String(value), ctx.timeZone, ctx.nowMs) ?? '1970-01-01');
    case 'Datetime':
      // UNCONFIRMED for DATETIME columns; mirrors the observed birth_date behaviour.
      return value === '' ? null : (toSqlDatetime(String(value), ctx.timeZone, ctx.nowMs) ?? '1970-01-01 00:00:00');
    case 'Timestamp':
      return null;
    case 'String':
    case 'Text':
      return toText(value);
  }
}

function toInteger(value: unknown): number | null {
  if (typeof value === 'boolean') return value ? 1 : 0;
  const n = toNumber(value);
  return n === null ? null : Math.round(n);
}

export function toBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());
  return false;
}

function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  // CRM_Utils_Rule::cleanMoney strips currency symbols and thousands separators.
  const cleaned = value.replace(/[^\d.\-eE]/g, '');
  if (cleaned === '' || !/\d/.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}

function roundMoney(n: number | null): number | null {
  return n === null ? null : Math.round(n * 100) / 100;
}

function toText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '';
  // PHP would cast an array to "Array"; nobody relies on that.
  return null;
}

// Value comparison with MySQL's rules: typed, NULL-aware (three-valued), case- and accent-insensitive text.
import { parseNaiveDate } from '../dates.js';
import type { FieldType, StoredValue } from '../schema/field-spec.js';

/** SQL truth: null is "unknown" (any comparison with NULL), which no WHERE lets through. */
export type Truth = boolean | null;

// utf8mb4_unicode_ci ignores case and accents: "zoe" = "Zoë", "ANDERSON" = "Anderson".
const collator = new Intl.Collator('en', { sensitivity: 'base' });

export interface CompareContext {
  readonly timeZone: string;
  readonly nowMs: number;
}

/**
 * Compares a column value with an operand the caller wrote, converting the operand to
 * the column's type. Null when either side is NULL or the operand cannot be converted
 * (observed: `id = "abc"` matches nothing, without error).
 */
export function compareWithOperand(type: FieldType, column: StoredValue, operand: unknown, ctx: CompareContext): number | null {
  if (column === null || operand === null || operand === undefined) return null;
  switch (type) {
    case 'Integer':
    case 'Money':
    case 'Float':
      return numeric(toNumber(column), toNumber(operand));
    case 'Boolean':
      return numeric(toBit(column), toBit(operand));
    case 'Date':
    case 'Datetime':
    case 'Timestamp': {
      const right = toSqlInstant(operand, ctx);
      return right === null ? null : compareText(padDate(String(column)), right);
    }
    case 'String':
    case 'Text':
      return typeof operand === 'object' ? null : collator.compare(String(column), String(operand));
  }
}

/** Orders two column values of the same type; NULL sorts first, as in MySQL. */
export function compareColumns(type: FieldType, a: StoredValue, b: StoredValue): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  switch (type) {
    case 'Integer':
    case 'Money':
    case 'Float':
    case 'Boolean':
      return Number(a) - Number(b);
    case 'String':
    case 'Text':
      return collator.compare(String(a), String(b));
    default:
      return compareText(String(a), String(b));
  }
}

/** MySQL LIKE: `%` and `_` wildcards, `\` escapes, same folding as `=`. */
export function like(column: StoredValue, pattern: unknown): Truth {
  if (column === null || pattern === null || pattern === undefined || typeof pattern === 'object') return null;
  const text = typeof column === 'boolean' ? (column ? '1' : '0') : String(column);
  return likeRegExp(String(pattern)).test(fold(text));
}

/** Escapes `%`, `_` and `\` so a value matches literally inside a LIKE pattern. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function likeRegExp(pattern: string): RegExp {
  let source = '';
  const chars = [...fold(pattern)];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === '\\' && i + 1 < chars.length) source += escapeRegExp(chars[++i] as string);
    else if (c === '%') source += '.*';
    else if (c === '_') source += '.';
    else source += escapeRegExp(c);
  }
  return new RegExp(`^${source}$`, 'su');
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function escapeRegExp(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return Number.NaN;
}

function toBit(value: unknown): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value === 0 ? 0 : 1;
  if (typeof value === 'string') return ['1', 'true'].includes(value.trim().toLowerCase()) ? 1 : 0;
  return Number.NaN;
}

function numeric(a: number, b: number): number | null {
  return Number.isNaN(a) || Number.isNaN(b) ? null : a - b;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Dates compare as "YYYY-MM-DD HH:MM:SS" strings; a bare date means midnight, as in MySQL. */
function padDate(value: string): string {
  return value.length === 10 ? `${value} 00:00:00` : value;
}

function toSqlInstant(operand: unknown, ctx: CompareContext): string | null {
  if (typeof operand !== 'string' && typeof operand !== 'number') return null;
  const text = String(operand);
  if (/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/.test(text)) return padDate(text);
  return parseNaiveDate(text, ctx.timeZone, ctx.nowMs)?.toFormat('yyyy-MM-dd HH:mm:ss') ?? null;
}

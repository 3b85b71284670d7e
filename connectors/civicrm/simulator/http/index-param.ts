// The `index` request parameter (and a batch call's 4th element): one row, or rows keyed by a field.
import { civiErrors } from '../api-error.js';

export type IndexSpec =
  | { readonly kind: 'position'; readonly position: number }
  | { readonly kind: 'field'; readonly field: string }
  | { readonly kind: 'pair'; readonly field: string; readonly column: string };

/** Mirrors civicrm_api4(): an integer picks a row, a string keys by that field, {key: column} maps key → column. */
export function parseIndex(raw: unknown): IndexSpec | undefined {
  if (raw === undefined || raw === null || raw === '' || raw === false) return undefined;
  if (typeof raw === 'number' && Number.isInteger(raw)) return { kind: 'position', position: raw };
  if (typeof raw === 'string') {
    if (/^-?\d+$/.test(raw)) return { kind: 'position', position: Number(raw) };
    if (raw.startsWith('{')) {
      try {
        return parseIndex(JSON.parse(raw) as unknown);
      } catch {
        return { kind: 'field', field: raw };
      }
    }
    return { kind: 'field', field: raw };
  }
  if (typeof raw === 'object' && !Array.isArray(raw)) {
    const [entry] = Object.entries(raw as Record<string, unknown>);
    if (entry && typeof entry[1] === 'string') return { kind: 'pair', field: entry[0], column: entry[1] };
  }
  return undefined;
}

/**
 * civicrm_api4() adds the index field to an explicit select and strips it afterwards;
 * returns the params to run with and the keys to strip.
 */
export function selectForIndex(
  params: Readonly<Record<string, unknown>>,
  index: IndexSpec | undefined,
): { params: Readonly<Record<string, unknown>>; strip: readonly string[] } {
  const select = params.select;
  if (!index || index.kind === 'position' || !Array.isArray(select) || select.length === 0) return { params, strip: [] };
  const needed = index.kind === 'field' ? [index.field] : [index.field, index.column];
  const missing = needed.filter((f) => !select.includes(f));
  return { params: { ...params, select: [...select, ...missing] }, strip: index.kind === 'field' ? missing : [] };
}

/** Shapes `values` for the envelope; a position past the end is Civi's "Index N not found". */
export function applyIndex(rows: readonly Record<string, unknown>[], index: IndexSpec | undefined, strip: readonly string[]): unknown {
  const cleaned = strip.length === 0 ? rows : rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !strip.includes(k))));
  if (!index) return cleaned;
  if (index.kind === 'position') {
    const row = cleaned.at(index.position);
    if (row === undefined) throw civiErrors.indexNotFound(index.position);
    return row;
  }
  const keyed = new Map<string, unknown>();
  rows.forEach((row, i) => {
    const key = String(row[index.field] ?? '');
    keyed.set(key, index.kind === 'pair' ? (row[index.column] ?? null) : cleaned[i]);
  });
  return keyed;
}

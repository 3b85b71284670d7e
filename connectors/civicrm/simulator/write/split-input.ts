// Sorts write values into own columns, pseudoconstant-suffixed columns and primary-join writes.
import type { EntityRegistry } from '../schema/entity-registry.js';
import type { EntitySpec, OptionItem, OptionSuffix } from '../schema/field-spec.js';
import { STATE_PROVINCES } from '../schema/state-provinces.js';

export interface SplitInput {
  /** Column name → written value; `:name`-style keys are already resolved to the option id (or null). */
  readonly own: Map<string, unknown>;
  /** Virtual join (`email_primary`) → the values written through it, keys relative to the joined entity. */
  readonly joins: Map<string, Record<string, unknown>>;
}

const SUFFIXES: readonly OptionSuffix[] = ['name', 'label', 'abbr'];

/**
 * Unknown keys, read-only columns and joins other than the primary-record ones are
 * dropped silently, as Civi's APIv4 write actions do.
 */
export function splitInput(registry: EntityRegistry, entity: EntitySpec, values: Record<string, unknown>): SplitInput {
  const own = new Map<string, unknown>();
  const joins = new Map<string, Record<string, unknown>>();
  let deferredState: [OptionSuffix, unknown] | undefined;
  for (const [key, value] of Object.entries(values)) {
    const dot = key.indexOf('.');
    if (dot > 0) {
      const via = registry.field(entity.name, key.slice(0, dot));
      if (via?.primaryOf) {
        const sub = joins.get(via.name) ?? {};
        sub[key.slice(dot + 1)] = value;
        joins.set(via.name, sub);
      }
      continue;
    }
    const [name, suffix] = key.split(':', 2) as [string, string | undefined];
    const spec = registry.field(entity.name, name);
    if (!spec || spec.readonly || spec.primaryOf) continue;
    if (suffix === undefined) {
      own.set(name, value);
    } else if (spec.options && SUFFIXES.includes(suffix as OptionSuffix)) {
      own.set(name, resolveOption(spec.options, suffix as OptionSuffix, value));
      if (name === 'state_province_id') deferredState = [suffix as OptionSuffix, value];
    }
  }
  if (deferredState && typeof own.get('country_id') === 'number') {
    // "WA" is Washington and Western Australia: look the state up within the written country.
    // Whether Civi scopes the lookup this way is UNCONFIRMED; it avoids a silently wrong state.
    const countryId = own.get('country_id');
    const inCountry = STATE_PROVINCES.filter((s) => s.countryId === countryId).map((s) => s.id);
    const options = registry.field(entity.name, 'state_province_id')?.options?.filter((o) => inCountry.includes(o.id as number)) ?? [];
    own.set('state_province_id', resolveOption(options, deferredState[0], deferredState[1]));
  }
  return { own, joins };
}

/**
 * Exact match first; then case-insensitive, which recent Civi versions fall back to
 * (UNCONFIRMED for 5.77). No match resolves to null, as observed for an unknown
 * `financial_type_id:name`.
 */
export function resolveOption(options: readonly OptionItem[], suffix: OptionSuffix, value: unknown): number | string | null {
  if (value === null || value === undefined) return null;
  const wanted = String(value);
  const exact = options.find((o) => o[suffix] === wanted);
  if (exact) return exact.id;
  const folded = wanted.toLowerCase();
  return options.find((o) => o[suffix]?.toLowerCase() === folded)?.id ?? null;
}

// Expands an APIv4 `select` list (wildcards, `join.*`, row_count) into the paths each result row carries.
import { CriticalError } from '../api-error.js';
import type { EntityRegistry } from '../schema/entity-registry.js';
import { resolveFieldPath, resolveJoinTarget, type FieldPath } from './field-path.js';

export interface SelectPlan {
  /** Result keys in order; `id` always first. */
  readonly paths: readonly FieldPath[];
  /** `row_count` was selected: the envelope gains countMatched and count becomes the total. */
  readonly rowCount: boolean;
  /** `["row_count"]` alone: Civi runs only the count query and returns no rows (observed). */
  readonly countOnly: boolean;
}

/**
 * No select means every core column. Unknown names are dropped silently (observed).
 * Civi always adds the primary key to a non-aggregate select (Api4SelectQuery), so `id`
 * leads every row.
 */
export function planSelect(registry: EntityRegistry, entity: string, raw: unknown): SelectPlan {
  if (raw !== undefined && raw !== null && !Array.isArray(raw)) throw new CriticalError('select must be an array');
  const items = (raw as unknown[] | undefined ?? []).filter((s): s is string => typeof s === 'string');
  const rowCount = items.includes('row_count');
  const wanted = items.filter((s) => s !== 'row_count');
  if (rowCount && wanted.length === 0) return { paths: [], rowCount, countOnly: true };
  const keys = wanted.length === 0 ? ['*'] : wanted;
  const paths = new Map<string, FieldPath>();
  const add = (key: string): void => {
    const path = resolveFieldPath(registry, entity, key);
    if (path && !paths.has(key)) paths.set(key, path);
  };
  add('id');
  for (const key of keys) {
    if (key.includes('*')) expandWildcard(registry, entity, key).forEach(add);
    else add(key);
  }
  return { paths: [...paths.values()], rowCount, countOnly: false };
}

/** `*`, `email_primary.*`, `*_name`: the matching core columns of the (joined) entity. */
function expandWildcard(registry: EntityRegistry, entity: string, key: string): string[] {
  const dot = key.lastIndexOf('.');
  const prefix = dot < 0 ? '' : key.slice(0, dot);
  const pattern = key.slice(dot + 1);
  const target = prefix === '' ? entity : resolveJoinTarget(registry, entity, prefix);
  if (!target) return [];
  const glob = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return registry
    .defaultFields(target)
    .filter((f) => glob.test(f.name))
    .map((f) => (prefix === '' ? f.name : `${prefix}.${f.name}`));
}

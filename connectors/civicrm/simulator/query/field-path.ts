// Resolves a field name as APIv4 accepts it (`email_primary.email`, `contact_id.display_name`, `country_id:name`).
import type { EntityRegistry } from '../schema/entity-registry.js';
import type { FieldSpec, FieldType, OptionSuffix } from '../schema/field-spec.js';

export interface FieldPath {
  /** The name exactly as the caller wrote it; result keys use it verbatim. */
  readonly key: string;
  /** Foreign-key (or primary-join) columns walked before reaching `field`. */
  readonly hops: readonly FieldSpec[];
  readonly field: FieldSpec;
  readonly suffix: OptionSuffix | undefined;
}

const SUFFIXES: readonly string[] = ['name', 'label', 'abbr'];

/** Undefined when any segment is unknown, a middle segment is not a join, or a suffix has no options. */
export function resolveFieldPath(registry: EntityRegistry, entity: string, key: string): FieldPath | undefined {
  const segments = key.split('.');
  const last = segments.pop() as string;
  const [name, suffix, extra] = last.split(':');
  if (extra !== undefined || name === undefined || (suffix !== undefined && !SUFFIXES.includes(suffix))) return undefined;
  const hops: FieldSpec[] = [];
  let current = entity;
  for (const segment of segments) {
    const hop = registry.field(current, segment);
    if (!hop?.fk) return undefined;
    hops.push(hop);
    current = hop.fk;
  }
  const field = registry.field(current, name);
  if (!field || (suffix !== undefined && !field.options)) return undefined;
  return { key, hops, field, suffix: suffix as OptionSuffix | undefined };
}

/** The entity a join prefix (`email_primary`, `contact_id.employer_id`) leads to. */
export function resolveJoinTarget(registry: EntityRegistry, entity: string, prefix: string): string | undefined {
  let current = entity;
  for (const segment of prefix.split('.')) {
    const hop = registry.field(current, segment);
    if (!hop?.fk) return undefined;
    current = hop.fk;
  }
  return current;
}

/** The type a path's values compare as: an option suffix yields text. */
export function pathType(path: FieldPath): FieldType {
  return path.suffix ? 'String' : path.field.type;
}

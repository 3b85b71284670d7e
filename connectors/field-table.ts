// Declarative field tables between a CRM's raw record and a unified shape, executed in one place.
//
// A table names, per unified field, where the value lives in the raw record. A plain entry
// `{ remote: 'first_name' }` copies the value both ways and is type-checked: the raw field must
// hold exactly the unified field's type. Fields that need logic name small pure functions.

/** Raw keys whose value type is interchangeable with V. */
type CopyableKey<Raw, V> = {
  [K in keyof Raw]-?: [Raw[K]] extends [V] ? ([V] extends [Raw[K]] ? K : never) : never;
}[keyof Raw] &
  string;

export interface CopyField<Raw, V> {
  remote: CopyableKey<Raw, V>;
}

export interface ComputedField<Raw, V> {
  /** The raw field(s) this value comes from; documentation, and what a partial write touches. */
  remote: (keyof Raw & string) | readonly (keyof Raw & string)[];
  read: (raw: Raw) => V;
  /** Absent for read-only fields: the CRM shows the value but a write cannot set it. */
  write?: (value: V) => Partial<Raw>;
}

export type FieldSpec<Raw, V> = CopyField<Raw, V> | ComputedField<Raw, V>;

export type FieldTable<Raw, Unified> = { readonly [K in keyof Unified]?: FieldSpec<Raw, Unified[K]> };

function isComputed<Raw, V>(spec: FieldSpec<Raw, V>): spec is ComputedField<Raw, V> {
  return 'read' in spec;
}

/** Reads every field the table names; fields the table does not name are absent. */
export function readFields<Raw, Unified>(table: FieldTable<Raw, Unified>, raw: Raw): Partial<Unified> {
  const out: Partial<Unified> = {};
  for (const key of Object.keys(table) as (keyof Unified)[]) {
    const spec = table[key];
    if (!spec) continue;
    out[key] = isComputed(spec) ? spec.read(raw) : (raw[spec.remote] as unknown as Unified[typeof key]);
  }
  return out;
}

/** Writes only the fields present in `patch` that the table can write; returns the raw fields to send. */
export function writeFields<Raw, Unified>(table: FieldTable<Raw, Unified>, patch: Partial<Unified>): Partial<Raw> {
  const out: Partial<Raw> = {};
  for (const key of Object.keys(patch) as (keyof Unified)[]) {
    const spec = table[key];
    const value = patch[key];
    if (!spec || value === undefined) continue;
    if (isComputed(spec)) {
      if (spec.write) Object.assign(out, spec.write(value as Unified[typeof key]));
    } else {
      (out as Record<string, unknown>)[spec.remote] = value;
    }
  }
  return out;
}

/** The unified fields a table can write: what the CRM can hold. */
export function writableFields<Raw, Unified>(table: FieldTable<Raw, Unified>): (keyof Unified & string)[] {
  return (Object.keys(table) as (keyof Unified & string)[]).filter((key) => {
    const spec = table[key];
    return spec !== undefined && (!isComputed(spec) || spec.write !== undefined);
  });
}

// Declarative shape of a simulated APIv4 entity: its fields, their types, options and joins.

/** A value as stored in a simulated table. Timestamps are epoch milliseconds (UTC). */
export type StoredValue = string | number | boolean | null;
export type StoredRow = Record<string, StoredValue>;

/**
 * Storage types, named after Civi's data types. `Timestamp` is a MySQL TIMESTAMP (an
 * instant, shown in the site zone); `Datetime` and `Date` are naive strings that never
 * shift with the zone (observed: receive_date stays "2024-03-15 10:30:00" in every zone).
 */
export type FieldType = 'Integer' | 'Boolean' | 'String' | 'Text' | 'Money' | 'Float' | 'Date' | 'Datetime' | 'Timestamp';

/** One pseudoconstant option; `id` is what the column stores. */
export interface OptionItem {
  readonly id: number | string;
  readonly name: string;
  readonly label: string;
  readonly abbr?: string;
}

export type OptionSuffix = 'name' | 'label' | 'abbr';

export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
  readonly title: string;
  /** Checked on create: "Mandatory values missing from Api4 X::create: …". */
  readonly required?: boolean;
  /** Ignored in write values (computed by the simulator or the database). */
  readonly readonly?: boolean;
  /** Column default filled silently on create (not echoed in the create result). */
  readonly default?: StoredValue;
  readonly options?: readonly OptionItem[];
  /** Entity this column points at: enables `field.other` joins and the FK check on write. */
  readonly fk?: string;
  /**
   * Virtual "primary record" join (`email_primary` …): not stored; its value is the id of
   * the contact's primary row in that entity. Not part of the default select, like Civi's
   * "Extra" fields.
   */
  readonly primaryOf?: string;
  /** Unique index: a duplicate non-empty value fails with "DB Error: already exists". */
  readonly unique?: boolean;
}

export interface EntitySpec {
  readonly name: string;
  readonly fields: readonly FieldSpec[];
  /** Reference tables (Country…) answer get/getFields only. */
  readonly readOnly?: boolean;
  /** Contact only: delete moves to the trash and get hides trashed rows (see get-action). */
  readonly trash?: boolean;
  /** Extra keys the create/update result carries after `custom` and `check_permissions`. */
  readonly resultExtras?: readonly string[];
}

/** Shorthand for the common field shapes, keeping entity tables one line per field. */
export const field = {
  id: (title = 'ID'): FieldSpec => ({ name: 'id', type: 'Integer', title, readonly: true }),
  int: (name: string, title: string, more: Partial<FieldSpec> = {}): FieldSpec => ({ name, type: 'Integer', title, ...more }),
  str: (name: string, title: string, more: Partial<FieldSpec> = {}): FieldSpec => ({ name, type: 'String', title, ...more }),
  text: (name: string, title: string, more: Partial<FieldSpec> = {}): FieldSpec => ({ name, type: 'Text', title, ...more }),
  bool: (name: string, title: string, more: Partial<FieldSpec> = {}): FieldSpec => ({
    name,
    type: 'Boolean',
    title,
    default: false,
    ...more,
  }),
  money: (name: string, title: string, more: Partial<FieldSpec> = {}): FieldSpec => ({ name, type: 'Money', title, ...more }),
  float: (name: string, title: string, more: Partial<FieldSpec> = {}): FieldSpec => ({ name, type: 'Float', title, ...more }),
  date: (name: string, title: string, more: Partial<FieldSpec> = {}): FieldSpec => ({ name, type: 'Date', title, ...more }),
  datetime: (name: string, title: string, more: Partial<FieldSpec> = {}): FieldSpec => ({ name, type: 'Datetime', title, ...more }),
  timestamp: (name: string, title: string): FieldSpec => ({ name, type: 'Timestamp', title, readonly: true }),
};

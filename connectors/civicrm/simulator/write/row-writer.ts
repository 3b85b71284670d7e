// Creates, updates and deletes rows with Civi's semantics: coercion, defaults, checks, rules, joins.
import type { SimulatorClock } from '../clock.js';
import { renderWriteValue } from '../query/render-value.js';
import type { EntityRegistry } from '../schema/entity-registry.js';
import type { EntitySpec, StoredRow, StoredValue } from '../schema/field-spec.js';
import type { CiviStore } from '../store/civi-store.js';
import { coerceInput } from './coerce-input.js';
import { checkDatabaseConstraints, checkMandatory } from './constraints.js';
import { contactRules } from './contact-rules.js';
import { contributionRecurRules, contributionRules, lineItemRules } from './contribution-rules.js';
import type { CascadeWriter, EntityRules, WriteChange, WriteContext } from './entity-rules.js';
import { addressRules, emailRules, phoneRules } from './location-rules.js';
import { websiteRules } from './website-rules.js';
import { writePrimaryJoins, type JoinWriter } from './primary-joins.js';
import { splitInput } from './split-input.js';

const RULES: Readonly<Record<string, EntityRules>> = {
  Contact: contactRules,
  Email: emailRules,
  Phone: phoneRules,
  Address: addressRules,
  Website: websiteRules,
  Contribution: contributionRules,
  LineItem: lineItemRules,
  ContributionRecur: contributionRecurRules,
};

/** A stored row plus the object the API returns for it. */
export interface WriteOutcome {
  readonly row: StoredRow;
  readonly result: Record<string, unknown>;
}

export class RowWriter implements CascadeWriter, JoinWriter {
  constructor(
    private readonly store: CiviStore,
    private readonly registry: EntityRegistry,
    private readonly clock: SimulatorClock,
    private readonly timeZone: string,
  ) {}

  /** One context per API call, so that all its writes share one instant. */
  context(action: string, atMs?: number): WriteContext {
    return {
      store: this.store,
      registry: this.registry,
      nowMs: atMs ?? this.clock.nowMs(),
      timeZone: this.timeZone,
      action,
      cascade: this,
    };
  }

  /**
   * The create result is the saved row, not a re-fetch (observed): only columns written,
   * defaulted or derived, dates compact, then the join echo and Civi's extra keys.
   */
  createRecord(entityName: string, input: Record<string, unknown>, ctx: WriteContext): WriteOutcome {
    const entity = this.registry.find(entityName) as EntitySpec;
    const rules = RULES[entityName] ?? {};
    const { own, joins } = splitInput(this.registry, entity, input);
    const values = this.#coerce(entity, own, ctx);
    const change: WriteChange = { created: true, given: new Set(Object.keys(values)), touched: new Set(Object.keys(values)) };
    for (const [key, value] of Object.entries(rules.createDefaults?.(values, ctx) ?? {})) {
      if (values[key] === undefined) {
        values[key] = value;
        change.touched.add(key);
      }
    }
    checkMandatory(entity, values, ctx.action);
    rules.derive?.(values, change, ctx);
    for (const name of ['created_date', 'modified_date']) {
      if (this.registry.field(entityName, name)?.type === 'Timestamp') {
        values[name] = ctx.nowMs;
        change.touched.add(name);
      }
    }
    checkDatabaseConstraints(this.store, entity, values);
    const row = this.store.insert(entityName, values);
    rules.afterSave?.(row, change, ctx);
    const echo = writePrimaryJoins(this.registry, this, row.id as number, joins, ctx);
    if (joins.size > 0) rules.afterJoins?.(row, change, ctx);
    const result: Record<string, unknown> = { id: row.id };
    for (const f of entity.fields) {
      if (f.name !== 'id' && change.touched.has(f.name)) result[f.name] = renderWriteValue(f, row[f.name] ?? null, this.timeZone);
    }
    return { row, result: this.#withExtras(entity, result, echo, false) };
  }

  /** Update results carry the whole row (observed "full saved row"), dates compact like create's. */
  updateRecord(entityName: string, id: number, input: Record<string, unknown>, ctx: WriteContext): WriteOutcome {
    const entity = this.registry.find(entityName) as EntitySpec;
    const rules = RULES[entityName] ?? {};
    const existing = this.store.find(entityName, id);
    if (!existing) throw new Error(`${entityName} ${id} vanished before its update`);
    const { own, joins } = splitInput(this.registry, entity, input);
    // contact_type is read-only after create; Civi ignores a change rather than failing.
    if (entityName === 'Contact') own.delete('contact_type');
    const values = this.#coerce(entity, own, ctx);
    const change: WriteChange = { created: false, given: new Set(Object.keys(values)), touched: new Set() };
    const merged: StoredRow = { ...existing, ...values };
    rules.derive?.(merged, change, ctx);
    if (this.registry.field(entityName, 'modified_date')?.type === 'Timestamp') merged.modified_date = ctx.nowMs;
    checkDatabaseConstraints(this.store, entity, merged, id);
    const row = this.store.patch(entityName, id, merged) as StoredRow;
    rules.afterSave?.(row, change, ctx);
    const echo = writePrimaryJoins(this.registry, this, id, joins, ctx);
    if (joins.size > 0) rules.afterJoins?.(row, change, ctx);
    const result: Record<string, unknown> = {};
    for (const f of this.registry.defaultFields(entityName)) result[f.name] = renderWriteValue(f, row[f.name] ?? null, this.timeZone);
    return { row, result: this.#withExtras(entity, result, echo, true) };
  }

  create(entity: string, values: Record<string, unknown>, ctx: WriteContext): StoredRow {
    return this.createRecord(entity, values, ctx).row;
  }

  update(entity: string, id: number, values: Record<string, unknown>, ctx: WriteContext): StoredRow {
    return this.updateRecord(entity, id, values, ctx).row;
  }

  /** Permanent delete with its cascades (children, line items, primary promotion). */
  remove(entity: string, id: number, ctx: WriteContext): void {
    const row = this.store.find(entity, id);
    if (!row || !this.store.delete(entity, id)) return;
    RULES[entity]?.afterDelete?.(row, ctx);
  }

  /** Contact.delete with useTrash: the row stays, flagged. */
  trash(contactId: number, ctx: WriteContext): void {
    this.store.patch('Contact', contactId, { is_deleted: true, modified_date: ctx.nowMs });
  }

  touchContact(contactId: unknown, ctx: WriteContext): void {
    if (typeof contactId === 'number') this.store.patch('Contact', contactId, { modified_date: ctx.nowMs });
  }

  #coerce(entity: EntitySpec, own: ReadonlyMap<string, unknown>, ctx: WriteContext): StoredRow {
    const values: StoredRow = {};
    for (const [name, raw] of own) {
      const spec = this.registry.field(entity.name, name);
      if (spec) values[name] = coerceInput(spec, raw, { timeZone: ctx.timeZone, nowMs: ctx.nowMs });
    }
    return values;
  }

  #withExtras(entity: EntitySpec, result: Record<string, unknown>, echo: Record<string, StoredValue>, isUpdate: boolean): Record<string, unknown> {
    Object.assign(result, echo, { custom: null, check_permissions: null });
    // Observed on Contact update/save-by-match: a stray "contact_id": null.
    if (isUpdate && !this.registry.field(entity.name, 'contact_id')) result.contact_id = null;
    for (const extra of entity.resultExtras ?? []) result[extra] = null;
    return result;
  }
}

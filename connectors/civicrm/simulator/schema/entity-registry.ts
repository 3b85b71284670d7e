// Looks up simulated entities and their fields by name.
import { ADDRESS } from './address.entity.js';
import { CONTACT } from './contact.entity.js';
import { CONTRIBUTION_RECUR } from './contribution-recur.entity.js';
import { CONTRIBUTION } from './contribution.entity.js';
import { EMAIL } from './email.entity.js';
import type { EntitySpec, FieldSpec } from './field-spec.js';
import { LINE_ITEM } from './line-item.entity.js';
import { PHONE } from './phone.entity.js';
import { COUNTRY, FINANCIAL_TYPE, STATE_PROVINCE } from './reference.entities.js';
import { WEBSITE } from './website.entity.js';

const ALL: readonly EntitySpec[] = [
  CONTACT,
  EMAIL,
  PHONE,
  ADDRESS,
  WEBSITE,
  CONTRIBUTION,
  LINE_ITEM,
  CONTRIBUTION_RECUR,
  COUNTRY,
  STATE_PROVINCE,
  FINANCIAL_TYPE,
];

/** Entity names are matched exactly, as Civi resolves them to case-sensitive class files. */
export type EntityName = 'Contact' | 'Email' | 'Phone' | 'Address' | 'Website' | 'Contribution' | 'LineItem' | 'ContributionRecur' | 'Country' | 'StateProvince' | 'FinancialType';

export class EntityRegistry {
  readonly #entities = new Map<string, EntitySpec>(ALL.map((e) => [e.name, e]));
  readonly #fields = new Map<string, Map<string, FieldSpec>>(
    ALL.map((e) => [e.name, new Map(e.fields.map((f) => [f.name, f]))]),
  );

  get names(): readonly string[] {
    return [...this.#entities.keys()];
  }

  find(name: string): EntitySpec | undefined {
    return this.#entities.get(name);
  }

  get(name: EntityName): EntitySpec {
    const entity = this.#entities.get(name);
    if (!entity) throw new Error(`entity ${name} is not registered`);
    return entity;
  }

  field(entity: string, fieldName: string): FieldSpec | undefined {
    return this.#fields.get(entity)?.get(fieldName);
  }

  /** What "no select" and `*` return: every stored column, not the virtual joins. */
  defaultFields(entity: string): readonly FieldSpec[] {
    return (this.#entities.get(entity)?.fields ?? []).filter((f) => !f.primaryOf);
  }
}

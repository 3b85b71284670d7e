// APIv4 getFields (enough for health checks and field discovery) and getActions.
import type { FieldSpec } from '../schema/field-spec.js';
import { boolParam, type ActionContext, type ActionResult } from './action-context.js';

const DATA_TYPES: Record<FieldSpec['type'], string> = {
  Integer: 'Integer',
  Boolean: 'Boolean',
  String: 'String',
  Text: 'Text',
  Money: 'Money',
  Float: 'Float',
  Date: 'Date',
  Datetime: 'Timestamp',
  Timestamp: 'Timestamp',
};

/**
 * Honours `select` and `loadOptions`; `where` on getFields is not evaluated (the
 * simulator returns every field).
 */
export function runGetFields(ctx: ActionContext): ActionResult {
  const loadOptions = boolParam(ctx.params, 'loadOptions', false);
  const select = Array.isArray(ctx.params.select) ? (ctx.params.select as unknown[]).filter((s) => typeof s === 'string') : [];
  const values = ctx.entity.fields.map((f) => {
    const spec: Record<string, unknown> = {
      name: f.name,
      title: f.title,
      entity: ctx.entity.name,
      type: f.primaryOf ? 'Extra' : 'Field',
      data_type: DATA_TYPES[f.type],
      required: f.required === true,
      readonly: f.readonly === true || f.primaryOf !== undefined,
      nullable: f.required !== true,
      default_value: f.default ?? null,
      options: f.options ? (loadOptions ? Object.fromEntries(f.options.map((o) => [String(o.id), o.label])) : true) : false,
      fk_entity: f.fk ?? null,
    };
    return select.length === 0 ? spec : Object.fromEntries(select.map((k) => [k as string, spec[k as string] ?? null]));
  });
  return { values };
}

export function runGetActions(ctx: ActionContext, actions: readonly string[]): ActionResult {
  return { values: actions.map((name) => ({ name, entity: ctx.entity.name })) };
}

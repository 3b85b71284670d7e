// APIv4 get: where, orderBy, limit/offset, select with joins and row_count.
import { parseOrderBy, sortRows } from '../query/order-by.js';
import { planSelect } from '../query/select.js';
import { parseWhere } from '../query/where.js';
import { intParam, type ActionContext, type ActionResult } from './action-context.js';
import { findRows } from './find-rows.js';

export function runGet(ctx: ActionContext): ActionResult {
  const entity = ctx.entity.name;
  const plan = planSelect(ctx.registry, entity, ctx.params.select);
  const where = parseWhere(ctx.registry, entity, ctx.params.where);
  const order = parseOrderBy(ctx.registry, entity, ctx.params.orderBy);
  const limit = intParam(ctx.params, 'limit');
  const offset = Math.max(0, intParam(ctx.params, 'offset'));
  const matched = sortRows(findRows(ctx, where), order, ctx.reader);
  // limit 0 means "no limit" (observed).
  const page = plan.countOnly ? [] : matched.slice(offset, limit > 0 ? offset + limit : undefined);
  return {
    values: page.map((row) => ctx.reader.project(row, plan.paths)),
    ...(plan.rowCount ? { countMatched: matched.length } : {}),
  };
}

// APIv4 delete: where is required; contacts go to the trash unless useTrash is false.
import { civiErrors } from '../api-error.js';
import { parseWhere } from '../query/where.js';
import { boolParam, type ActionContext, type ActionResult } from './action-context.js';
import { findRows } from './find-rows.js';

export function runDelete(ctx: ActionContext): ActionResult {
  const where = ctx.params.where;
  if (!Array.isArray(where) || where.length === 0) throw civiErrors.whereRequired();
  const rows = findRows(ctx, parseWhere(ctx.registry, ctx.entity.name, where));
  const write = ctx.writer.context(ctx.action);
  const useTrash = ctx.entity.trash === true && boolParam(ctx.params, 'useTrash', true);
  for (const row of rows) {
    const id = row.id as number;
    if (useTrash) ctx.writer.trash(id, write);
    else ctx.writer.remove(ctx.entity.name, id, write);
  }
  return { values: rows.map((row) => ({ id: row.id })) };
}

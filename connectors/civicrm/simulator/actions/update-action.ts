// APIv4 update: every row the where (or values.id) matches gets the values.
import { civiErrors, CriticalError } from '../api-error.js';
import { parseWhere } from '../query/where.js';
import { recordParam, type ActionContext, type ActionResult } from './action-context.js';
import { findRows } from './find-rows.js';

/**
 * "Expected one X but found 0" comes from Civi re-loading a record addressed by id
 * (observed for an id that does not exist); an ordinary where that matches nothing just
 * returns no rows.
 */
export function runUpdate(ctx: ActionContext): ActionResult {
  const values = recordParam(ctx.params, 'values');
  const given = ctx.params.where;
  if (given !== undefined && given !== null && !Array.isArray(given)) throw new CriticalError('where must be an array');
  const where: unknown[] = Array.isArray(given) ? [...given] : [];
  const byId = values.id !== undefined && values.id !== null;
  if (byId) where.push(['id', '=', values.id]);
  if (where.length === 0) throw civiErrors.updateWhereRequired();
  const conditions = parseWhere(ctx.registry, ctx.entity.name, where);
  const rows = findRows(ctx, conditions);
  if (rows.length === 0 && (byId || isSingleIdClause(where))) throw civiErrors.expectedOne(ctx.entity.name, 0);
  const write = ctx.writer.context(ctx.action);
  return { values: rows.map((row) => ctx.writer.updateRecord(ctx.entity.name, row.id as number, values, write).result) };
}

function isSingleIdClause(where: readonly unknown[]): boolean {
  const [only] = where;
  return where.length === 1 && Array.isArray(only) && only[0] === 'id' && only[1] === '=';
}

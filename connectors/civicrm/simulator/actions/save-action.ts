// APIv4 save: per record, update by id, else update the single `match` hit, else create.
import { civiErrors } from '../api-error.js';
import { parseWhere } from '../query/where.js';
import { listParam, recordParam, type ActionContext, type ActionResult } from './action-context.js';
import { findRows } from './find-rows.js';

/**
 * Matching follows MatchParamTrait: only when every match field has a value in the record
 * ('' matches empty), and only exactly one hit counts; 0 or 2+ hits create a new row.
 */
export function runSave(ctx: ActionContext): ActionResult {
  const defaults = recordParam(ctx.params, 'defaults');
  const match = listParam(ctx.params, 'match').filter((m): m is string => typeof m === 'string');
  const write = ctx.writer.context(ctx.action);
  const values = listParam(ctx.params, 'records').map((raw) => {
    const record = { ...defaults, ...(raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {}) };
    const id = record.id ?? matchExisting(ctx, record, match);
    if (id === undefined || id === null) return ctx.writer.createRecord(ctx.entity.name, record, write).result;
    const numericId = Number(id);
    if (!ctx.store.find(ctx.entity.name, numericId)) throw civiErrors.expectedOne(ctx.entity.name, 0);
    return ctx.writer.updateRecord(ctx.entity.name, numericId, record, write).result;
  });
  return { values };
}

function matchExisting(ctx: ActionContext, record: Record<string, unknown>, match: readonly string[]): number | undefined {
  if (match.length === 0) return undefined;
  const where = match
    .filter((f) => record[f] !== undefined && record[f] !== null)
    .map((f) => (record[f] === '' ? [f, 'IS EMPTY'] : [f, '=', record[f]]));
  if (where.length !== match.length) return undefined;
  const hits = findRows(ctx, parseWhere(ctx.registry, ctx.entity.name, where));
  return hits.length === 1 ? (hits[0]?.id as number) : undefined;
}

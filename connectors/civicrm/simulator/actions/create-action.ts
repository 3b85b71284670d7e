// APIv4 create: one row from `values`; the result is the saved row, not a re-fetch.
import { recordParam, type ActionContext, type ActionResult } from './action-context.js';

export function runCreate(ctx: ActionContext): ActionResult {
  const write = ctx.writer.context(ctx.action);
  const { result } = ctx.writer.createRecord(ctx.entity.name, recordParam(ctx.params, 'values'), write);
  return { values: [result] };
}

// Selects the rows a where tree matches, with Contact's trash rule; shared by get, update, save and delete.
import type { StoredRow } from '../schema/field-spec.js';
import { mentionsField, WhereEvaluator, type Condition } from '../query/where.js';
import type { ActionContext } from './action-context.js';

/**
 * Observed on 5.77: Contact.get hides trashed contacts unless the where clause names
 * `is_deleted` or `id` anywhere (groups included). Update, save-by-match and delete select
 * their rows through a get, so the same rule applies to them.
 */
export function findRows(ctx: ActionContext, conditions: readonly Condition[]): StoredRow[] {
  const evaluator = new WhereEvaluator(ctx.reader, { timeZone: ctx.timeZone, nowMs: ctx.clock.nowMs() });
  const hideTrash = ctx.entity.trash === true && !mentionsField(conditions, ['id', 'is_deleted']);
  return ctx.store
    .rows(ctx.entity.name)
    .filter((row) => !(hideTrash && row.is_deleted === true) && evaluator.matches(row, conditions));
}

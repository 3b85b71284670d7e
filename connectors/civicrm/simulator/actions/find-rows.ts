// Selects the rows a where tree matches, with Contact's trash rule; shared by get, update, save and delete.
import type { StoredRow } from '../schema/field-spec.js';
import { fetchesById, whereContains, WhereEvaluator, type Condition } from '../query/where.js';
import type { ActionContext } from './action-context.js';

/**
 * Observed on 5.77: Contact.get hides trashed contacts unless the where filters on
 * `is_deleted` or fetches by `id`. The precise rule is AbstractGetAction's default where
 * (civicrm-core Civi/Api4/Generic/AbstractGetAction.php): skipped for a top-level
 * `id` =/IN/LIKE-without-% clause, or when `is_deleted` appears in the where (searched
 * with _whereContains, which only looks into the first group). So `id > 5`, or an `id`
 * inside an OR group, still hides the trash. Update, save-by-match and delete select
 * their rows through a get, so the same rule applies to them.
 */
export function findRows(ctx: ActionContext, conditions: readonly Condition[]): StoredRow[] {
  const evaluator = new WhereEvaluator(ctx.reader, { timeZone: ctx.timeZone, nowMs: ctx.clock.nowMs() });
  const hideTrash = ctx.entity.trash === true && !fetchesById(conditions) && !whereContains(conditions, 'is_deleted');
  return ctx.store
    .rows(ctx.entity.name)
    .filter((row) => !(hideTrash && row.is_deleted === true) && evaluator.matches(row, conditions));
}

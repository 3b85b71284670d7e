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
  return candidateRows(ctx, conditions).filter((row) => !(hideTrash && row.is_deleted === true) && evaluator.matches(row, conditions));
}

/**
 * The rows a where can match at all. Like MySQL's primary key, a top-level `id =` or `id IN` of
 * whole numbers reads those rows alone (a client reading back what it just wrote would otherwise
 * scan the table); the where is still applied to them in full.
 */
function candidateRows(ctx: ActionContext, conditions: readonly Condition[]): readonly StoredRow[] {
  for (const c of conditions) {
    if (c.kind !== 'clause' || c.path.key !== 'id' || (c.op !== '=' && c.op !== 'IN')) continue;
    const ids = (c.op === '=' ? [c.value] : Array.isArray(c.value) ? c.value : [null]).map((v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v));
    if (!ids.every((id): id is number => Number.isSafeInteger(id))) continue;
    return [...new Set(ids)].sort((a, b) => a - b).flatMap((id) => {
      const row = ctx.store.find(ctx.entity.name, id);
      return row ? [row] : [];
    });
  }
  return ctx.store.rows(ctx.entity.name);
}

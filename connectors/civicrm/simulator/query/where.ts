// Parses and evaluates APIv4 `where` trees: [field, op, value] clauses inside AND/OR/NOT groups.
import { civiErrors, CriticalError } from '../api-error.js';
import type { EntityRegistry } from '../schema/entity-registry.js';
import type { StoredRow, StoredValue } from '../schema/field-spec.js';
import { compareWithOperand, escapeLike, like, type CompareContext, type Truth } from './compare.js';
import { pathType, resolveFieldPath, type FieldPath } from './field-path.js';
import type { RowReader } from './row-reader.js';

/** Operators of Civi\Api4\Utils\CoreUtil::getOperators() as listed in the reference; others are "Illegal operator". */
export const OPERATORS = [
  '=', '<=', '>=', '>', '<', 'LIKE', '<>', '!=', 'NOT LIKE', 'IN', 'NOT IN', 'BETWEEN', 'NOT BETWEEN',
  'IS NULL', 'IS NOT NULL', 'CONTAINS', 'IS EMPTY', 'IS NOT EMPTY',
] as const;
export type Operator = (typeof OPERATORS)[number];

export type Condition =
  | { readonly kind: 'group'; readonly join: 'AND' | 'OR' | 'NOT'; readonly children: readonly Condition[] }
  | { readonly kind: 'clause'; readonly path: FieldPath; readonly op: Operator; readonly value: unknown };

const GROUPS = ['AND', 'OR', 'NOT'] as const;

/**
 * Validates a where tree up front, so errors surface even when no row would be tested.
 * The operator is checked before the field (observed: `["id"]` → "Illegal operator").
 * A non-array where is a PHP TypeError in Civi, hence a CriticalError here.
 */
export function parseWhere(registry: EntityRegistry, entity: string, raw: unknown): Condition[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new CriticalError('where must be an array');
  return raw.map((item) => parseCondition(registry, entity, item));
}

function parseCondition(registry: EntityRegistry, entity: string, item: unknown): Condition {
  if (!Array.isArray(item) || item.length === 0) throw civiErrors.illegalOperator();
  const [head, second, value] = item as [unknown, unknown, unknown];
  if (typeof head === 'string' && (GROUPS as readonly string[]).includes(head)) {
    if (!Array.isArray(second)) throw new CriticalError(`${head} group needs an array of clauses`);
    return { kind: 'group', join: head as (typeof GROUPS)[number], children: second.map((c) => parseCondition(registry, entity, c)) };
  }
  if (typeof second !== 'string' || !(OPERATORS as readonly string[]).includes(second)) throw civiErrors.illegalOperator();
  const path = typeof head === 'string' ? resolveFieldPath(registry, entity, head) : undefined;
  if (!path) throw civiErrors.invalidField(String(head));
  return { kind: 'clause', path, op: second as Operator, value };
}

/**
 * AbstractGetAction::_itemsToGet('id'): a top-level `id` clause with `=`, `IN`, or a
 * LIKE without `%` — a fetch "by id", which skips the default where (the trash filter).
 */
export function fetchesById(conditions: readonly Condition[]): boolean {
  return conditions.some(
    (c) =>
      c.kind === 'clause' &&
      c.path.key === 'id' &&
      (c.op === '=' || c.op === 'IN' || (c.op === 'LIKE' && !(typeof c.value === 'string' && c.value.includes('%')))),
  );
}

/**
 * AbstractGetAction::_whereContains, quirk included: it descends into the first group it
 * meets and returns that group's answer, so a field inside a later group goes unseen.
 */
export function whereContains(conditions: readonly Condition[], key: string): boolean {
  for (const c of conditions) {
    if (c.kind === 'group') return whereContains(c.children, key);
    if (c.path.key === key) return true;
  }
  return false;
}

export class WhereEvaluator {
  constructor(
    private readonly reader: RowReader,
    private readonly ctx: CompareContext,
  ) {}

  /** A row passes only when the whole tree is TRUE (not unknown), like a SQL WHERE. */
  matches(row: StoredRow, conditions: readonly Condition[]): boolean {
    return this.#all(row, conditions) === true;
  }

  #all(row: StoredRow, conditions: readonly Condition[]): Truth {
    let result: Truth = true;
    for (const c of conditions) {
      result = and(result, this.#one(row, c));
      if (result === false) return false;
    }
    return result;
  }

  #one(row: StoredRow, condition: Condition): Truth {
    if (condition.kind === 'group') {
      if (condition.join === 'AND') return this.#all(row, condition.children);
      if (condition.join === 'NOT') return not(this.#all(row, condition.children));
      // An empty OR adds no SQL at all, so it filters nothing.
      if (condition.children.length === 0) return true;
      return condition.children.reduce<Truth>((acc, c) => or(acc, this.#one(row, c)), false);
    }
    return this.#clause(this.reader.read(row, condition.path), condition);
  }

  #clause(value: StoredValue, clause: Condition & { kind: 'clause' }): Truth {
    const type = pathType(clause.path);
    const cmp = (operand: unknown): number | null => compareWithOperand(type, value, operand, this.ctx);
    const test = (operand: unknown, ok: (n: number) => boolean): Truth => {
      const n = cmp(operand);
      return n === null ? null : ok(n);
    };
    const operand = clause.value;
    switch (clause.op) {
      case '=':
        return test(operand, (n) => n === 0);
      case '!=':
      case '<>':
        return test(operand, (n) => n !== 0);
      case '<':
        return test(operand, (n) => n < 0);
      case '<=':
        return test(operand, (n) => n <= 0);
      case '>':
        return test(operand, (n) => n > 0);
      case '>=':
        return test(operand, (n) => n >= 0);
      case 'LIKE':
        return like(value, operand);
      case 'NOT LIKE':
        return not(like(value, operand));
      case 'IN':
        return inList(value, operand, cmp);
      case 'NOT IN':
        return not(inList(value, operand, cmp));
      case 'BETWEEN':
        return between(operand, cmp);
      case 'NOT BETWEEN':
        return not(between(operand, cmp));
      case 'IS NULL':
        return value === null;
      case 'IS NOT NULL':
        return value !== null;
      case 'IS EMPTY':
        return isEmpty(value);
      case 'IS NOT EMPTY':
        return !isEmpty(value);
      case 'CONTAINS':
        // On a plain (non-serialized) text column Civi turns CONTAINS into LIKE '%value%'.
        return typeof operand === 'string' || typeof operand === 'number'
          ? like(value, `%${escapeLike(String(operand))}%`)
          : null;
    }
  }
}

/** A scalar IN operand is treated as a one-element list; an empty list matches nothing. */
function inList(value: StoredValue, operand: unknown, cmp: (o: unknown) => number | null): Truth {
  const items = Array.isArray(operand) ? operand : [operand];
  if (value === null) return items.length === 0 ? false : null;
  return items.reduce<Truth>((acc, item) => {
    const n = cmp(item);
    return or(acc, n === null ? null : n === 0);
  }, false);
}

/** Inclusive on both ends (observed: BETWEEN [4,6] returns 4, 5 and 6). */
function between(operand: unknown, cmp: (o: unknown) => number | null): Truth {
  if (!Array.isArray(operand) || operand.length !== 2) return null;
  const low = cmp(operand[0]);
  const high = cmp(operand[1]);
  return and(low === null ? null : low >= 0, high === null ? null : high <= 0);
}

/** Civi's IS EMPTY: NULL, or the type's empty value ('' for text, 0 for numbers and booleans). */
function isEmpty(value: StoredValue): boolean {
  return value === null || value === '' || value === 0 || value === false;
}

function and(a: Truth, b: Truth): Truth {
  if (a === false || b === false) return false;
  return a === null || b === null ? null : true;
}

function or(a: Truth, b: Truth): Truth {
  if (a === true || b === true) return true;
  return a === null || b === null ? null : false;
}

function not(a: Truth): Truth {
  return a === null ? null : !a;
}

// Keyset pagination over a sorted list: cursors are opaque and stay valid while items come and go.
import { GatewayError } from '../errors/gateway-error.js';

export interface Sortable {
  id: string;
  /** Items are ordered by (sortKey, id). */
  sortKey: string;
}

export interface Page<T> {
  items: T[];
  cursors: string[];
  hasNextPage: boolean;
  endCursor: string | null;
  totalCount: number;
}

export const MAX_PAGE_SIZE = 500;

export function encodeCursor(item: Sortable): string {
  return Buffer.from(JSON.stringify([item.sortKey, item.id]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): Sortable {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { sortKey: value[0], id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw GatewayError.badInput('after', `Argument "after" must be a cursor returned by this list, but got: ${JSON.stringify(cursor)}`);
}

export function compareSortable(a: Sortable, b: Sortable): number {
  return a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** `sorted` must already be ordered by compareSortable. */
export function paginate<T extends Sortable>(sorted: readonly T[], first: number, after: string | null | undefined): Page<T> {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw GatewayError.badInput('first', `Argument "first" must be an integer from 0 to ${MAX_PAGE_SIZE}, but got: ${first}`);
  }
  let start = 0;
  if (after) {
    const mark = decodeCursor(after);
    start = lowerBound(sorted, mark);
  }
  const items = sorted.slice(start, start + first);
  const cursors = items.map(encodeCursor);
  return {
    items,
    cursors,
    hasNextPage: start + first < sorted.length,
    endCursor: cursors.at(-1) ?? null,
    totalCount: sorted.length,
  };
}

/** Index of the first item strictly after `mark`. */
function lowerBound(sorted: readonly Sortable[], mark: Sortable): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareSortable(sorted[mid]!, mark) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

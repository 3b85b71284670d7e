import { describe, expect, it } from 'vitest';
import { GatewayError } from '../errors/gateway-error.js';
import { paginate, type Sortable } from './page-cursor.js';

const items: Sortable[] = ['a', 'b', 'c', 'd', 'e'].map((k, i) => ({ id: `id${i}`, sortKey: k }));

describe('paginate', () => {
  it('walks a list page by page with opaque cursors and a stable total', () => {
    const first = paginate(items, 2, null);
    expect(first.items.map((i) => i.id)).toEqual(['id0', 'id1']);
    expect(first.hasNextPage).toBe(true);
    expect(first.totalCount).toBe(5);
    const second = paginate(items, 2, first.endCursor);
    expect(second.items.map((i) => i.id)).toEqual(['id2', 'id3']);
    const third = paginate(items, 2, second.endCursor);
    expect(third.items.map((i) => i.id)).toEqual(['id4']);
    expect(third.hasNextPage).toBe(false);
  });

  it('keeps its place when an item before the cursor disappears (keyset, not offset)', () => {
    const first = paginate(items, 2, null);
    const shrunk = items.filter((i) => i.id !== 'id0');
    expect(paginate(shrunk, 2, first.endCursor).items.map((i) => i.id)).toEqual(['id2', 'id3']);
  });

  it('rejects a malformed cursor naming the argument', () => {
    const call = () => paginate(items, 2, 'not-a-cursor');
    expect(call).toThrow(GatewayError);
    expect(call).toThrow('Argument "after" must be a cursor returned by this list, but got: "not-a-cursor"');
  });

  it('rejects a negative or huge page size naming the argument', () => {
    expect(() => paginate(items, -1, null)).toThrow('Argument "first" must be an integer from 0 to 500, but got: -1');
    expect(() => paginate(items, 501, null)).toThrow(/Argument "first"/);
  });
});

// Turns a page of directory entries into a GraphQL connection of loaded views.
import type { Page, Sortable } from '../src/graph/page-cursor.js';
import type { Connection } from '../schema/shared/page-info.type.js';

export async function toConnection<V>(page: Page<Sortable>, load: (id: string) => Promise<V | null>): Promise<Connection<V>> {
  const nodes = await Promise.all(page.items.map((item) => load(item.id)));
  const edges = nodes.flatMap((node, i) => (node === null ? [] : [{ cursor: page.cursors[i]!, node }]));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor }, totalCount: page.totalCount };
}

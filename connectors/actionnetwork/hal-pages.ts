// Walks an Action Network collection by following each page's absolute `_links.next.href`.
import type { z } from 'zod';

export interface HalPage<T> {
  items: T[];
  /** The page that was read. */
  href: string;
  /** Where the walk continues, or null when this was the last page. */
  next: string | null;
  /** The server's clock when it answered (its Date header), or null when it sent none. */
  servedAt: Date | null;
}

/** Fetches one page by href. */
export type PageFetcher<T> = (href: string) => Promise<{ items: T[]; next: string | null; servedAt: Date | null }>;

/**
 * Yields pages until one of the documented ends: the people collection keeps offering `next` on
 * its last page and only drops it once a page comes back empty, so an empty page ends the walk,
 * as does a missing `next` or a `next` that points back to the page just read (which would loop).
 * Empty pages are not yielded. Page URLs are never built by hand once a `next` exists.
 */
export async function* halPages<T>(first: string, fetchPage: PageFetcher<T>): AsyncGenerator<HalPage<T>> {
  let href: string | null = first;
  const seen = new Set<string>();
  while (href !== null) {
    seen.add(normalise(href));
    const { items, next, servedAt } = await fetchPage(href);
    if (items.length === 0) return;
    const following = next !== null && !seen.has(normalise(next)) ? next : null;
    yield { items, href, next: following, servedAt };
    href = following;
  }
}

/** Same page whatever the order of its query parameters. */
function normalise(href: string): string {
  const url = new URL(href, 'http://relative.invalid');
  url.searchParams.sort();
  return url.toString();
}

/** The items under `_embedded[key]`, each validated; a page without `_embedded` has none. */
export function embeddedItems<S extends z.ZodType>(
  embedded: Record<string, unknown[]> | undefined,
  key: string,
  schema: S,
): z.output<S>[] {
  return (embedded?.[key] ?? []).map((item) => schema.parse(item));
}

import { describe, expect, it } from 'vitest';
import { halPages, type PageFetcher } from './hal-pages.js';

/** A fetcher over canned pages by href, recording what was asked. */
function pagesOf(pages: Record<string, { items: number[]; next: string | null }>): { fetch: PageFetcher<number>; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    fetch: async (href) => {
      asked.push(href);
      const page = pages[href];
      if (!page) throw new Error(`no page ${href}`);
      return { ...page, servedAt: null };
    },
  };
}

async function walk(first: string, fetch: PageFetcher<number>): Promise<number[][]> {
  const out: number[][] = [];
  for await (const page of halPages(first, fetch)) out.push(page.items);
  return out;
}

describe('halPages', () => {
  it('follows next hrefs as given and stops at an empty page (the people collection’s end)', async () => {
    const { fetch, asked } = pagesOf({
      'https://an/people?per_page=25': { items: [1, 2], next: 'https://an/people?per_page=25&page=2' },
      'https://an/people?per_page=25&page=2': { items: [3], next: 'https://an/people?per_page=25&page=3' },
      'https://an/people?per_page=25&page=3': { items: [], next: null },
    });
    expect(await walk('https://an/people?per_page=25', fetch)).toEqual([[1, 2], [3]]);
    expect(asked).toHaveLength(3);
  });

  it('stops when next is missing (collections with totals)', async () => {
    const { fetch, asked } = pagesOf({ 'https://an/tags': { items: [1], next: null } });
    expect(await walk('https://an/tags', fetch)).toEqual([[1]]);
    expect(asked).toEqual(['https://an/tags']);
  });

  it('stops when next points back to a page already read, whatever the parameter order', async () => {
    const { fetch, asked } = pagesOf({
      'https://an/tags?page=1&per_page=25': { items: [1], next: 'https://an/tags?per_page=25&page=2' },
      'https://an/tags?per_page=25&page=2': { items: [2], next: 'https://an/tags?per_page=25&page=1' },
    });
    const pages = [];
    for await (const page of halPages('https://an/tags?page=1&per_page=25', fetch)) pages.push(page);
    expect(pages.map((p) => p.items)).toEqual([[1], [2]]);
    expect(pages[1]?.next).toBeNull();
    expect(asked).toHaveLength(2);
  });
});

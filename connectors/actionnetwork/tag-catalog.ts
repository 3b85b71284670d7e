// Tag names ↔ ids and who carries which tag: Action Network keeps tags apart from people, in taggings.
import type { ActionNetworkClient } from './client.js';
import { actionNetworkId, idFromHref, linkHref } from './identifiers.js';
import type { ActionNetworkTagging } from './raw.js';

export interface PersonTag {
  name: string;
  tagId: string;
  taggingId: string;
}

export class TagCatalog {
  private readonly client: ActionNetworkClient;
  private names = new Map<string, string>();
  private ids = new Map<string, string>();
  /** One refresh at a time: concurrent loads that meet an unknown tag share it. */
  private refreshing: Promise<void> | null = null;
  private loaded = false;

  constructor(client: ActionNetworkClient) {
    this.client = client;
  }

  /** The tags a person carries, with the taggings behind them; tags are listed in name order. */
  async personTags(personId: string): Promise<PersonTag[]> {
    const taggings = await this.client.personTaggings(personId);
    const tags: PersonTag[] = [];
    for (const tagging of taggings) {
      const tagId = idFromHref(linkHref(tagging._links, 'osdi:tag'));
      if (!tagId) continue;
      const name = await this.nameOf(tagId);
      if (name !== null) tags.push({ name, tagId, taggingId: actionNetworkId(tagging, 'tagging') });
    }
    return tags.sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * Person id → tag names, over every tag: one request per 25 taggings instead of one per person,
   * which is what makes indexing thousands of people affordable at 4 requests a second.
   */
  async personTagIndex(): Promise<Map<string, string[]>> {
    await this.refresh();
    const index = new Map<string, string[]>();
    for (const [tagId, name] of this.names) {
      for await (const page of this.client.tagTaggings(tagId)) {
        for (const tagging of page.items) {
          const personId = personOf(tagging);
          if (personId) index.set(personId, [...(index.get(personId) ?? []), name]);
        }
      }
    }
    for (const names of index.values()) names.sort((a, b) => a.localeCompare(b));
    return index;
  }

  /** Ids for these tag names, creating the tags that do not exist yet (the signup helper ignores unknown names). */
  async ensure(names: readonly string[]): Promise<Map<string, string>> {
    if (!this.loaded || names.some((name) => !this.ids.has(name))) await this.refresh();
    const found = new Map<string, string>();
    for (const name of new Set(names)) {
      let id = this.ids.get(name);
      if (id === undefined) {
        const tag = await this.client.createTag(name);
        id = actionNetworkId(tag, 'tag');
        this.remember(id, tag.name);
      }
      found.set(name, id);
    }
    return found;
  }

  private async nameOf(tagId: string): Promise<string | null> {
    if (!this.names.has(tagId)) await this.refresh();
    return this.names.get(tagId) ?? null;
  }

  private refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      try {
        const tags = await this.client.tags();
        const names = new Map<string, string>();
        const ids = new Map<string, string>();
        for (const tag of tags) {
          const id = actionNetworkId(tag, 'tag');
          names.set(id, tag.name);
          ids.set(tag.name, id);
        }
        this.names = names;
        this.ids = ids;
        this.loaded = true;
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  private remember(id: string, name: string): void {
    this.names.set(id, name);
    this.ids.set(name, id);
  }
}

function personOf(tagging: ActionNetworkTagging): string | null {
  return idFromHref(linkHref(tagging._links, 'osdi:person'));
}


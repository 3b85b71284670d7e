// The Action Network connector: the contract implemented with the OSDI client, the mapper and the tag catalog.
import type { Logger } from 'pino';
import type { ChangePage, Connector, ConnectorCapabilities, RecordPatch, WriteOutcome } from '../connector.js';
import { writableFields } from '../field-table.js';
import { writeFailure } from '../write-failure.js';
import { GatewayError, isGatewayError } from '../../src/errors/gateway-error.js';
import type { RetryPolicy } from '../../src/http/retry-policy.js';
import type { UnifiedData, UnifiedPerson } from '../../src/model/entities.js';
import type { RemoteRecord } from '../../src/model/remote-record.js';
import type { EntityType } from '../../src/model/system.js';
import { ChangeWalk } from './change-cursor.js';
import { ActionNetworkClient } from './client.js';
import type { ActionNetworkConfig } from './config.js';
import { personFields } from './fields.js';
import type { HalPage } from './hal-pages.js';
import { actionNetworkId, isActionNetworkId } from './identifiers.js';
import { ActionNetworkMapper } from './mapper.js';
import { PersonStore } from './person-store.js';
import type { TaggedPerson } from './raw.js';
import { TagCatalog } from './tag-catalog.js';

export class ActionNetworkConnector implements Connector {
  readonly system = 'ACTION_NETWORK' as const;
  readonly capabilities: ConnectorCapabilities;
  readonly client: ActionNetworkClient;
  private readonly config: ActionNetworkConfig;
  private readonly mapper: ActionNetworkMapper;
  private readonly tags: TagCatalog;
  private readonly people: PersonStore;
  private readonly logger: Logger | undefined;

  constructor(config: ActionNetworkConfig, options: { logger?: Logger; retry?: Partial<RetryPolicy> } = {}) {
    this.config = config;
    this.client = new ActionNetworkClient({
      baseUrl: config.url,
      apiToken: config.apiToken,
      ratePerSecond: config.ratePerSecond,
      timeoutMs: config.timeoutMs,
      ...(options.retry === undefined ? {} : { retry: options.retry }),
    });
    this.mapper = new ActionNetworkMapper(config.url);
    this.tags = new TagCatalog(this.client);
    this.people = new PersonStore(this.client, this.tags, this.mapper);
    this.logger = options.logger;
    // There is no multi-id lookup: every id costs its own requests, so a batch is only a group of
    // concurrent fetches. One second's worth of budget keeps a batch from holding its callers long.
    const maxBatchSize = config.ratePerSecond;
    this.capabilities = {
      PERSON: { read: true, list: true, create: true, update: true, delete: 'UNSUBSCRIBE', maxBatchSize, fields: writableFields<TaggedPerson, UnifiedPerson>(personFields) },
      ORGANIZATION: null,
      DONATION: {
        read: true,
        list: true,
        create: config.fundraisingPage !== null,
        update: false,
        delete: 'NONE',
        maxBatchSize,
        fields: ['amount', 'receivedAt', 'donorRef', 'designations', 'recurring'],
      },
    };
  }

  /** One result per id, in id order; ids asked twice are fetched once; unknown ids yield null. */
  async load<E extends EntityType>(entity: E, remoteIds: readonly string[]): Promise<(RemoteRecord<E> | null)[]> {
    this.requireHeld(entity);
    const unique = [...new Set(remoteIds)];
    const loaded = await Promise.all(unique.map((id) => this.loadOne(entity, id)));
    const byId = new Map(unique.map((id, index) => [id, loaded[index] ?? null]));
    return remoteIds.map((id) => (byId.get(id) ?? null) as RemoteRecord<E> | null);
  }

  /**
   * Walks the collection with `modified_date gt` the previous walk's start (minus an overlap for
   * Action Network's indexing lag; what was already yielded from the overlap is not repeated).
   * Each page is yielded once the following one has been read, so the last page already carries
   * the finished walk's cursor. Action Network deletes neither people nor donations: deletedIds is empty.
   */
  async *listChanged<E extends EntityType>(entity: E, cursor: string | null): AsyncIterable<ChangePage<E>> {
    this.requireHeld(entity);
    const walk = ChangeWalk.resume(cursor);
    const pages = entity === 'PERSON' ? await this.personPages(walk) : this.donationPages(walk);
    let held: HalPage<RemoteRecord<E>> | null = null;
    let count = 0;
    for await (const read of pages as AsyncIterable<HalPage<RemoteRecord<E>>>) {
      const page = { ...read, items: walk.accept(read.items, read.servedAt) };
      if (held) yield { records: held.items, deletedIds: [], cursor: walk.cursorAfter(held.next) };
      held = page;
      count += page.items.length;
    }
    this.logger?.debug({ system: this.system, entity, records: count, filter: walk.filter }, 'Action Network change walk finished');
    yield { records: held?.items ?? [], deletedIds: [], cursor: walk.cursorAfter(null) };
  }

  async create<E extends EntityType>(entity: E, items: readonly UnifiedData[E][]): Promise<WriteOutcome<E>[]> {
    return this.each(items, async (item) => {
      this.requireHeld(entity);
      if (entity === 'PERSON') return this.people.create(item as UnifiedPerson);
      const page = this.config.fundraisingPage;
      if (page === null) {
        throw new GatewayError('UNSUPPORTED', 'Action Network donation writes need ACTIONNETWORK_FUNDRAISING_PAGE (an API-created fundraising page id), but it is not set', {
          system: 'ACTION_NETWORK',
        });
      }
      const saved = await this.client.createDonation(page, this.mapper.donationToRaw(item as UnifiedData['DONATION'], page));
      const record = this.mapper.donationFromRaw(saved);
      return { ok: true, status: 'CREATED', remoteId: record.remoteId, record };
    }) as Promise<WriteOutcome<E>[]>;
  }

  async update<E extends EntityType>(entity: E, patches: readonly RecordPatch<E>[]): Promise<WriteOutcome<E>[]> {
    return this.each(patches, async (patch) => {
      this.requireHeld(entity);
      if (entity !== 'PERSON') throw unsupported('Action Network donations cannot be changed once recorded');
      return this.people.update(patch as RecordPatch<'PERSON'>);
    }) as Promise<WriteOutcome<E>[]>;
  }

  /** People are unsubscribed (status UNSUBSCRIBED), never deleted; donations cannot be removed at all. */
  async delete<E extends EntityType>(entity: E, remoteIds: readonly string[]): Promise<WriteOutcome<E>[]> {
    return this.each(remoteIds, async (id) => {
      this.requireHeld(entity);
      if (entity !== 'PERSON') throw unsupported('Action Network donations cannot be deleted');
      return this.people.unsubscribe(id);
    }) as Promise<WriteOutcome<E>[]>;
  }

  async health(): Promise<void> {
    await this.client.entryPoint();
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private async loadOne(entity: EntityType, id: string): Promise<RemoteRecord | null> {
    if (entity === 'PERSON') return this.people.load(id);
    if (!isActionNetworkId(id)) return null;
    const donation = await this.client.donation(id);
    return donation === null ? null : this.mapper.donationFromRaw(donation);
  }

  private async personPages(walk: ChangeWalk): Promise<AsyncIterable<HalPage<RemoteRecord<'PERSON'>>>> {
    // Tags live in taggings: one pass over every tag's taggings, then people page by page.
    const tagIndex = await this.tags.personTagIndex();
    const pages = this.client.people(walk.filter, walk.resumeFrom);
    const mapper = this.mapper;
    return (async function* () {
      for await (const page of pages) {
        const items = page.items.map((person) => {
          const tagged: TaggedPerson = { ...person, tag_names: tagIndex.get(actionNetworkId(person, 'person')) ?? [] };
          return mapper.personFromRaw(tagged);
        });
        yield { ...page, items };
      }
    })();
  }

  private async *donationPages(walk: ChangeWalk): AsyncIterable<HalPage<RemoteRecord<'DONATION'>>> {
    for await (const page of this.client.donations(walk.filter, walk.resumeFrom)) {
      yield { ...page, items: page.items.map((donation) => this.mapper.donationFromRaw(donation)) };
    }
  }

  /** Runs writes one after another (the signup helper merges by email, so order matters); one outcome per item. */
  private async each<T>(items: readonly T[], write: (item: T) => Promise<WriteOutcome>): Promise<WriteOutcome[]> {
    const outcomes: WriteOutcome[] = [];
    for (const item of items) {
      try {
        outcomes.push(await write(item));
      } catch (err) {
        if (!isGatewayError(err)) this.logger?.error({ err }, 'ACTION_NETWORK write failed unexpectedly');
        outcomes.push({ ok: false, error: writeFailure('ACTION_NETWORK', err) });
      }
    }
    return outcomes;
  }

  private requireHeld(entity: EntityType): void {
    if (entity === 'ORGANIZATION') throw unsupported('Action Network does not hold organizations');
  }
}

function unsupported(message: string): GatewayError {
  return new GatewayError('UNSUPPORTED', message, { system: 'ACTION_NETWORK' });
}

// The mutations' one entry point: validate the input first (nothing is written when any field is
// wrong), then fan the write out to every CRM through the outbox. Also lists the outbox.
import type { Logger } from 'pino';
import { DateTime } from 'luxon';
import type { Connector } from '../../connectors/connector.js';
import type { RegionCode } from '../../connectors/phone-numbers.js';
import type { ChangeLog } from '../events/change-log.js';
import type { PageRequest } from '../graph/directory.js';
import type { MergePolicy } from '../identity/merge-policy.js';
import { paginate, type Page } from '../graph/page-cursor.js';
import type { System } from '../model/system.js';
import type { IdentityIndex } from '../store/identity-index.js';
import { STORE_NAMESPACES } from '../store/keyv-backend.js';
import type { GatewayStore } from '../store/open-store.js';
import { Outbox, type OutboxEntry, type WriteJob } from '../store/outbox.js';
import type { RecordCache } from '../store/record-cache.js';
import { EntityWrites } from './entity-writes.js';
import { IdempotencyKeys, type WriteResult } from './idempotency-keys.js';
import type { DonationInputShape, OrganizationInputShape, PersonInputShape } from './inputs.js';
import { OutboxWorker, type OutboxBackoff } from './outbox-worker.js';
import { donationFromInput } from './validation/donation-input.js';
import type { InputRules } from './validation/input-rules.js';
import { knownId } from './validation/known-ids.js';
import { organizationFromInput } from './validation/organization-input.js';
import { personFromInput } from './validation/person-input.js';
import { createTargets } from './validation/target-systems.js';
import { WriteChanges } from './write-changes.js';
import { WriteDelivery } from './write-delivery.js';
import { WriteFanOut } from './write-fan-out.js';
import { WritePlanner } from './write-planner.js';

export interface GatewayWritesOptions {
  connectors: readonly Connector[];
  identity: IdentityIndex;
  records: RecordCache;
  outbox: Outbox;
  keys: IdempotencyKeys;
  logger: Logger;
  /** Region of phone numbers given without a country code. */
  defaultPhoneRegion: RegionCode;
  backoff?: OutboxBackoff;
  /** Where writes are recorded as changes (origin null); none: not recorded. */
  changes?: ChangeLog;
  /** The read path's merge policy, for the changed fields the change log names. */
  mergePolicy?: MergePolicy;
  now: () => DateTime;
}

export interface OpenWritesOptions extends Pick<GatewayWritesOptions, 'connectors' | 'logger' | 'changes' | 'mergePolicy'> {
  store: GatewayStore;
  settings?: WriteSettings;
  now?: () => DateTime;
}

export type PendingWriteEntry = OutboxEntry & { sortKey: string };

/** What the gateway's configuration says about writes. */
export interface WriteSettings {
  /** Region of phone numbers given without a country code (default US). */
  defaultPhoneRegion?: RegionCode;
  backoff?: OutboxBackoff;
}

export class GatewayWrites {
  readonly worker: OutboxWorker;
  private readonly writes: EntityWrites;
  private readonly rules: InputRules;

  constructor(private readonly options: GatewayWritesOptions) {
    const { connectors, identity, records, outbox, keys, logger, now } = options;
    const changes = options.changes ? new WriteChanges({ identity, records, changes: options.changes, logger, ...(options.mergePolicy ? { policy: options.mergePolicy } : {}) }) : null;
    const delivery = new WriteDelivery({ connectors: new Map(connectors.map((c) => [c.system, c])), identity, records, logger });
    this.worker = new OutboxWorker({ outbox, delivery, identity, logger, now, ...(options.backoff ? { backoff: options.backoff } : {}), ...(changes ? { changes } : {}) });
    const planner = new WritePlanner({ connectors, identity, outbox, now });
    this.writes = new EntityWrites({ identity, outbox, planner, fanOut: new WriteFanOut(outbox, this.worker), worker: this.worker, delivery, keys, changes });
    this.rules = { identity, defaultPhoneRegion: options.defaultPhoneRegion, now };
  }

  /** Loads the outbox and the idempotency keys from the store; call start() to deliver. */
  static async open({ store, connectors, logger, settings = {}, changes, mergePolicy, now = () => DateTime.utc() }: OpenWritesOptions): Promise<GatewayWrites> {
    const [outbox, keys] = await Promise.all([
      Outbox.load(store.keyv(STORE_NAMESPACES.outbox), store.entries(STORE_NAMESPACES.outbox)),
      IdempotencyKeys.load(store.keyv(STORE_NAMESPACES.idempotency), store.entries(STORE_NAMESPACES.idempotency)),
    ]);
    return new GatewayWrites({
      connectors,
      identity: store.identity,
      records: store.records,
      outbox,
      keys,
      logger,
      defaultPhoneRegion: settings.defaultPhoneRegion ?? 'US',
      ...(settings.backoff ? { backoff: settings.backoff } : {}),
      ...(changes ? { changes } : {}),
      ...(mergePolicy ? { mergePolicy } : {}),
      now,
    });
  }

  /** The outbox, for the sync to see which writes are on their way already. */
  get outbox(): Outbox {
    return this.options.outbox;
  }

  /** Queues writes the sync planned, in one store round trip, for the worker to deliver. */
  async queue(jobs: readonly WriteJob[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.options.outbox.add(jobs);
    this.worker.kick();
  }

  /** Starts delivering queued writes (those an earlier process left too). */
  start(): void {
    this.worker.start();
  }

  /** Stops retrying (entries stay for the next start) and waits for the store writes in flight. */
  async close(): Promise<void> {
    await this.worker.stop();
    await Promise.all([this.options.outbox.idle(), this.options.keys.idle()]);
  }

  createPerson(input: PersonInputShape, systems: readonly System[] | null | undefined, key: string | null | undefined): Promise<WriteResult> {
    const prepare = () => ({ payload: personFromInput(input, 'create', this.rules), targets: createTargets(this.options.connectors, 'PERSON', systems) });
    return this.writes.create('PERSON', prepare, idempotency(key, 'createPerson', input, systems));
  }

  updatePerson(id: string, input: PersonInputShape): Promise<WriteResult> {
    const unifiedId = knownId(this.rules.identity, id, 'PERSON', 'id');
    return this.writes.update('PERSON', unifiedId, personFromInput(input, 'patch', this.rules));
  }

  deletePerson(id: string): Promise<WriteResult> {
    return this.writes.delete('PERSON', knownId(this.rules.identity, id, 'PERSON', 'id'));
  }

  createOrganization(input: OrganizationInputShape, systems: readonly System[] | null | undefined, key: string | null | undefined): Promise<WriteResult> {
    const prepare = () => ({ payload: organizationFromInput(input, 'create', this.rules), targets: createTargets(this.options.connectors, 'ORGANIZATION', systems) });
    return this.writes.create('ORGANIZATION', prepare, idempotency(key, 'createOrganization', input, systems));
  }

  updateOrganization(id: string, input: OrganizationInputShape): Promise<WriteResult> {
    const unifiedId = knownId(this.rules.identity, id, 'ORGANIZATION', 'id');
    return this.writes.update('ORGANIZATION', unifiedId, organizationFromInput(input, 'patch', this.rules));
  }

  createDonation(input: DonationInputShape, systems: readonly System[] | null | undefined, key: string | null | undefined): Promise<WriteResult> {
    const prepare = () => ({ payload: donationFromInput(input, this.rules), targets: createTargets(this.options.connectors, 'DONATION', systems) });
    return this.writes.create('DONATION', prepare, idempotency(key, 'createDonation', input, systems));
  }

  /** The outbox, oldest first: writes still to be delivered (PENDING) and those refused for good (FAILED). */
  pendingWrites(page: PageRequest): Page<PendingWriteEntry> {
    const entries = this.options.outbox.list().map((entry) => ({ ...entry, sortKey: entry.id }));
    return paginate(entries, page.first, page.after);
  }
}

/**
 * The request a key stands for. `systems` left out and `systems: null` both mean every system, so
 * they are one request (recorded as left out, as keys stored before this rule were).
 */
function idempotency(key: string | null | undefined, mutation: string, input: unknown, systems: readonly System[] | null | undefined) {
  return key === null || key === undefined ? null : { key, mutation, input: systems === null || systems === undefined ? { input } : { input, systems } };
}

// Lists every enabled connector's records into the record cache and the identity index: at start
// (in full, page by page), then every interval only what changed since the stored cursor — the
// sync's scheduler.
//
// A page is applied — new records linked, handed to every page listener, then written to the
// record cache — before its cursor is stored, so a crash or failure replays at most that page, and
// the replay reports the same changes again (see PageApplier). A pass lists the entities in
// dependency order, every connector side by side within an entity; connectors fail alone, and a
// failure stops that connector's pass there (the rest follows on the next pass). Passes never
// overlap.
import type { Logger } from 'pino';
import { DateTime } from 'luxon';
import type { Connector } from '../../connectors/connector.js';
import type { ErrorCode } from '../errors/codes.js';
import { GatewayError, isGatewayError } from '../errors/gateway-error.js';
import { ENTITY_DEPENDENCY_ORDER, ENTITY_TYPES, type EntityType, type System } from '../model/system.js';
import type { IdentityIndex } from '../store/identity-index.js';
import type { RecordCache } from '../store/record-cache.js';
import type { SyncCursors } from '../store/sync-cursors.js';
import { linkAsNewIdentity, type ResolveIdentity } from './identity-resolver.js';
import { PageApplier, type IndexedPage } from './page-applier.js';

export type PageListener = (page: IndexedPage) => void | Promise<void>;

/** The pairs a pass lists ("SYSTEM:ENTITY"); null: every enabled one. */
export type PassScope = ReadonlySet<string> | null;

export function scopeKey(system: System, entity: EntityType): string {
  return `${system}:${entity}`;
}

/** Live progress of one listing in a pass. */
export interface ListingProgress {
  system: System;
  entity: EntityType;
  pages: number;
  received: number;
  done: boolean;
}

/** One CRM's listing of one entity in a pass. */
export interface ListingResult {
  system: System;
  entity: EntityType;
  startedAt: DateTime;
  finishedAt: DateTime;
  /** False when it failed or was stopped before the listing ended. */
  ok: boolean;
  stopped: boolean;
  error: GatewayError | null;
  counts: RunCounts;
}

/** What a pass is, for hooks that record it. */
export interface PassInfo<T extends string = string> {
  /** Distinct for every pass of this indexer. */
  id: number;
  trigger: T;
}

/**
 * Called once the CRMs' listings of an entity in a pass have all ended (before the next entity is
 * listed): the sync reconciles what they changed here. A hook that throws is logged; the pass goes on.
 */
export type AfterEntity = (entity: EntityType, listings: readonly ListingResult[], pass: PassInfo) => Promise<void>;

export interface IndexerOptions {
  store: { identity: IdentityIndex; records: RecordCache; cursors: SyncCursors };
  connectors: readonly Connector[];
  logger: Logger;
  /** Pause between the end of one run and the start of the next, in ms; 0: run only at start. */
  intervalMs: number;
  /** Links records seen for the first time (default: each gets a new unified id). */
  resolveIdentity?: ResolveIdentity;
  afterEntity?: AfterEntity;
  now?: () => DateTime;
}

export interface IndexError {
  code: ErrorCode;
  /** The GatewayError's message: states what failed, never a secret. */
  message: string;
  /** The entity being listed when it failed, or null when the failure was not tied to one. */
  entity: EntityType | null;
  at: DateTime;
}

export interface RunCounts {
  pages: number;
  received: number;
  changed: number;
  deleted: number;
}

/** One connector's indexing state, as readyz shows it. */
export interface ConnectorIndexStatus {
  system: System;
  /** A run has finished for this connector — with or without an error. */
  firstRunDone: boolean;
  running: boolean;
  /** When its last run finished (successfully or not). */
  lastRunAt: DateTime | null;
  lastSuccessAt: DateTime | null;
  /** The last run's failure; null when the last run succeeded (or none has finished). */
  lastError: IndexError | null;
  /** Records of this system in the record cache, per entity. */
  indexed: Record<EntityType, number>;
  /** What the last finished run applied. */
  lastRunCounts: RunCounts;
}

export interface ConnectorRunResult {
  system: System;
  /** False when it failed; also false when the run was stopped before it finished. */
  ok: boolean;
  error: GatewayError | null;
  counts: RunCounts;
}

export interface IndexerRun {
  pass: PassInfo;
  startedAt: DateTime;
  finishedAt: DateTime;
  /** Stopped (by stop()) before every connector finished. */
  stopped: boolean;
  connectors: ConnectorRunResult[];
  listings: ListingResult[];
}

interface ConnectorState {
  firstRunDone: boolean;
  running: boolean;
  lastRunAt: DateTime | null;
  lastSuccessAt: DateTime | null;
  lastError: IndexError | null;
  lastRunCounts: RunCounts;
}

interface PassRequest {
  scope: PassScope;
  trigger: string;
  onProgress: Set<(progress: ListingProgress) => void>;
}

const zeroCounts = (): RunCounts => ({ pages: 0, received: 0, changed: 0, deleted: 0 });

function addCounts(into: RunCounts, from: RunCounts): void {
  into.pages += from.pages;
  into.received += from.received;
  into.changed += from.changed;
  into.deleted += from.deleted;
}

/**
 * Counts down, per entity, the connectors still listing it in a pass, and runs the hook for an
 * entity once all have ended — hooks one at a time, in the order entities complete.
 */
class EntityHooks {
  private readonly waiting = new Map<EntityType, { systems: Set<System>; results: ListingResult[] }>();
  private chain: Promise<void> = Promise.resolve();

  constructor(
    plans: readonly { connector: Connector; entities: readonly EntityType[] }[],
    private readonly hook: (entity: EntityType, results: readonly ListingResult[]) => Promise<void>,
  ) {
    for (const { connector, entities } of plans) {
      for (const entity of entities) {
        const slot = this.waiting.get(entity) ?? { systems: new Set<System>(), results: [] };
        slot.systems.add(connector.system);
        this.waiting.set(entity, slot);
      }
    }
  }

  /** A connector's listing of the entity ended (null: it did not run, after an earlier failure). */
  ended(entity: EntityType, system: System, result: ListingResult | null): void {
    const slot = this.waiting.get(entity);
    if (!slot) return;
    slot.systems.delete(system);
    if (result) slot.results.push(result);
    if (slot.systems.size > 0) return;
    this.waiting.delete(entity);
    if (slot.results.length > 0) this.chain = this.chain.then(() => this.hook(entity, slot.results));
  }

  idle(): Promise<void> {
    return this.chain;
  }
}

/** The union of two scopes (null covers everything). */
function widen(a: PassScope, b: PassScope): PassScope {
  return a === null || b === null ? null : new Set([...a, ...b]);
}

export class Indexer {
  private readonly store: IndexerOptions['store'];
  private readonly connectors: readonly Connector[];
  private readonly logger: Logger;
  private readonly intervalMs: number;
  private readonly now: () => DateTime;
  private readonly applier: PageApplier;
  private readonly afterEntity: AfterEntity | null;
  private readonly listeners = new Set<PageListener>();
  private readonly states = new Map<System, ConnectorState>();
  private readonly listing = new Set<string>();
  private current: Promise<IndexerRun> | null = null;
  private next: { request: PassRequest; run: Promise<IndexerRun> } | null = null;
  private controller: AbortController | null = null;
  private timer: NodeJS.Timeout | null = null;
  private timerAt: DateTime | null = null;
  private passes = 0;
  private started = false;
  private stopping = false;
  private readyWaiters: Array<() => void> = [];

  constructor(options: IndexerOptions) {
    if (!Number.isInteger(options.intervalMs) || options.intervalMs < 0) {
      throw new GatewayError('CONFIG', `intervalMs must be a non-negative integer (0: only at start), but got: ${String(options.intervalMs)}`);
    }
    const systems = options.connectors.map((c) => c.system);
    const duplicate = systems.find((s, i) => systems.indexOf(s) !== i);
    if (duplicate) throw new GatewayError('CONFIG', `connectors must name each system once, but got ${duplicate} twice`);
    this.store = options.store;
    this.connectors = options.connectors;
    this.logger = options.logger;
    this.intervalMs = options.intervalMs;
    this.now = options.now ?? (() => DateTime.utc());
    this.afterEntity = options.afterEntity ?? null;
    this.applier = new PageApplier({
      identity: this.store.identity,
      records: this.store.records,
      resolveIdentity: options.resolveIdentity ?? linkAsNewIdentity(this.store.identity),
      now: () => this.now().toMillis(),
    });
    for (const system of systems) {
      this.states.set(system, { firstRunDone: false, running: false, lastRunAt: null, lastSuccessAt: null, lastError: null, lastRunCounts: zeroCounts() });
    }
  }

  /** True once a run has finished for every connector (a connector that failed counts as finished). */
  get ready(): boolean {
    return [...this.states.values()].every((s) => s.firstRunDone);
  }

  /** Resolves when `ready` becomes true. */
  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  status(): ConnectorIndexStatus[] {
    return this.connectors.map((connector) => {
      const state = this.states.get(connector.system)!;
      const indexed = Object.fromEntries(ENTITY_TYPES.map((e) => [e, this.store.records.count(connector.system, e)])) as Record<EntityType, number>;
      return { system: connector.system, ...state, lastRunCounts: { ...state.lastRunCounts }, indexed };
    });
  }

  /** Whether a listing of this CRM and entity is in progress. */
  isListing(system: System, entity: EntityType): boolean {
    return this.listing.has(scopeKey(system, entity));
  }

  /** When the schedule starts the next pass; null when none is scheduled. */
  get nextRunAt(): DateTime | null {
    return this.timerAt;
  }

  /** The (CRM, entity) pairs this indexer lists, in dependency order per CRM. */
  listable(): { system: System; entity: EntityType }[] {
    return this.connectors.flatMap((c) => ENTITY_DEPENDENCY_ORDER.filter((e) => c.capabilities[e]?.list).map((entity) => ({ system: c.system, entity })));
  }

  /**
   * Calls `listener` for every page, once its first-seen records are linked in the index and before
   * the page is written to the record cache (which still holds the copies `previous` names) and its
   * cursor stored. Listeners run one after another and are awaited: a listener that throws fails the
   * page — nothing is cached, the cursor stays — and the next run lists the page again and reports
   * the same changes. Delivery is at least once; listeners must tolerate a repeat.
   * Returns a function that removes the listener.
   */
  onPage(listener: PageListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Runs one pass over `scope` (default: every connector and entity). Called while a pass is
   * running, it does not overlap it: it resolves to the pass that starts right after — one
   * follow-up pass, shared by every such caller, covering all their scopes.
   */
  runOnce(scope: PassScope = null, trigger = 'MANUAL', onProgress?: (progress: ListingProgress) => void): Promise<IndexerRun> {
    if (!this.current) return this.begin({ scope, trigger, onProgress: new Set(onProgress ? [onProgress] : []) });
    if (this.next) {
      this.next.request.scope = widen(this.next.request.scope, scope);
      if (onProgress) this.next.request.onProgress.add(onProgress);
      return this.next.run;
    }
    const request: PassRequest = { scope, trigger, onProgress: new Set(onProgress ? [onProgress] : []) };
    const run = this.current.then(() => {
      this.next = null;
      return this.begin(request);
    });
    this.next = { request, run };
    return run;
  }

  /** Runs a pass now, then one every intervalMs after the previous pass ended (never overlapping). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.tick('START');
  }

  /** Stops the schedule and the pass in progress (after its current page); resolves when it has. */
  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = null;
    this.stopping = true;
    this.controller?.abort();
    try {
      await (this.next?.run ?? this.current);
    } finally {
      this.stopping = false;
    }
  }

  private tick(trigger: string): void {
    void this.runOnce(null, trigger).then(() => {
      if (!this.started || this.intervalMs === 0 || this.timer) return;
      this.timerAt = this.now().plus({ milliseconds: this.intervalMs });
      this.timer = setTimeout(() => {
        this.timer = null;
        this.timerAt = null;
        this.tick('SCHEDULE');
      }, this.intervalMs);
      // The schedule alone must not keep the process alive.
      this.timer.unref();
    });
  }

  private begin(request: PassRequest): Promise<IndexerRun> {
    const run = this.execute(request).finally(() => {
      if (this.current === run) this.current = null;
    });
    this.current = run;
    return run;
  }

  /**
   * Lists every connector side by side, each through its entities in dependency order. Once every
   * connector's listing of an entity has ended, the after-entity hook runs for it (hooks run one
   * at a time, in dependency order), so the sync sees every CRM's changes of an entity before it
   * reconciles them. A connector whose listing fails lists nothing more in this pass (its later
   * entities may depend on it).
   */
  private async execute(request: PassRequest): Promise<IndexerRun> {
    const startedAt = this.now();
    this.passes += 1;
    const pass: PassInfo = { id: this.passes, trigger: request.trigger };
    if (this.stopping) return { pass, startedAt, finishedAt: startedAt, stopped: true, connectors: [], listings: [] };
    const controller = new AbortController();
    this.controller = controller;
    const plans = this.connectors
      .map((c) => ({ connector: c, entities: ENTITY_DEPENDENCY_ORDER.filter((e) => c.capabilities[e]?.list && (request.scope === null || request.scope.has(scopeKey(c.system, e)))) }))
      .filter((p) => p.entities.length > 0);
    const hooks = new EntityHooks(plans, (entity, results) => this.runHook(entity, results, pass));
    const outcomes = await Promise.all(plans.map((p) => this.runConnector(p.connector, p.entities, controller.signal, request, hooks)));
    await hooks.idle();
    this.controller = null;
    if (this.ready) {
      for (const resolve of this.readyWaiters.splice(0)) resolve();
    }
    const run: IndexerRun = { pass, startedAt, finishedAt: this.now(), stopped: controller.signal.aborted, connectors: outcomes.map((o) => o.result), listings: outcomes.flatMap((o) => o.listings) };
    this.logger.debug({ stopped: run.stopped, connectors: run.connectors.map((c) => ({ system: c.system, ok: c.ok, ...c.counts })) }, 'indexer run finished');
    return run;
  }

  private async runHook(entity: EntityType, results: readonly ListingResult[], pass: PassInfo): Promise<void> {
    if (!this.afterEntity) return;
    try {
      await this.afterEntity(entity, results, pass);
    } catch (err) {
      this.logger.error({ err, entity }, 'the after-entity step of a sync pass failed; its work is retried on the next pass');
    }
  }

  private async runConnector(
    connector: Connector,
    entities: readonly EntityType[],
    signal: AbortSignal,
    request: PassRequest,
    hooks: EntityHooks,
  ): Promise<{ result: ConnectorRunResult; listings: ListingResult[] }> {
    const { system } = connector;
    const state = this.states.get(system)!;
    const counts = zeroCounts();
    const listings: ListingResult[] = [];
    let failure: ListingResult | null = null;
    state.running = true;
    try {
      for (const entity of entities) {
        if (failure || signal.aborted) {
          hooks.ended(entity, system, null);
          continue;
        }
        const listing = await this.list(connector, entity, signal, request);
        listings.push(listing);
        addCounts(counts, listing.counts);
        if (listing.error) failure = listing;
        hooks.ended(entity, system, listing);
      }
    } finally {
      state.running = false;
    }
    const error = failure?.error ?? null;
    const finished = !signal.aborted || error !== null;
    if (finished) {
      const at = this.now();
      state.firstRunDone = true;
      state.lastRunAt = at;
      state.lastRunCounts = counts;
      if (error) state.lastError = { code: error.code, message: error.message, entity: failure?.entity ?? null, at };
      else {
        state.lastError = null;
        state.lastSuccessAt = at;
      }
    }
    return { result: { system, ok: finished && error === null, error, counts }, listings };
  }

  private async list(connector: Connector, entity: EntityType, signal: AbortSignal, request: PassRequest): Promise<ListingResult> {
    const { system } = connector;
    const startedAt = this.now();
    const counts = zeroCounts();
    const key = scopeKey(system, entity);
    const progress = (done: boolean) => {
      for (const listener of request.onProgress) listener({ system, entity, pages: counts.pages, received: counts.received, done });
    };
    let error: GatewayError | null = null;
    let complete = false;
    this.listing.add(key);
    try {
      complete = await this.indexEntity(connector, entity, signal, counts, () => progress(false));
    } catch (err) {
      error = asGatewayError(err, system);
      this.logger.warn(
        { system, entity, code: error.code, retryable: error.retryable, error: error.message, ...(isGatewayError(err) ? {} : { err }) },
        'indexing failed for this connector; the others continue and it is retried on the next run',
      );
    } finally {
      this.listing.delete(key);
    }
    progress(true);
    const stopped = !complete && error === null;
    return { system, entity, startedAt, finishedAt: this.now(), ok: complete, stopped, error, counts };
  }

  /** Lists one entity from the stored cursor; resolves true when the listing ended, false when stopped. */
  private async indexEntity(connector: Connector, entity: EntityType, signal: AbortSignal, counts: RunCounts, onPage: () => void): Promise<boolean> {
    const { system } = connector;
    if (signal.aborted) return false;
    const from = this.store.cursors.get(system, entity).cursor;
    let cursor = from;
    for await (const page of connector.listChanged(entity, from)) {
      const prepared = await this.applier.prepare(system, entity, cursor, page);
      const applied = prepared.page;
      for (const listener of this.listeners) await listener(applied);
      await this.applier.commit(prepared);
      await this.store.cursors.set(system, entity, page.cursor);
      cursor = page.cursor;
      counts.pages += 1;
      counts.received += applied.counts.received;
      counts.changed += applied.counts.changed;
      counts.deleted += applied.counts.deleted;
      this.logger.debug({ system, entity, ...applied.counts, cursor }, 'indexed a page');
      onPage();
      // Leaving the loop closes the listing; the cursor already covers every applied page.
      if (signal.aborted) return false;
    }
    await this.store.cursors.markRun(system, entity, this.now());
    return true;
  }
}

function asGatewayError(err: unknown, system: System): GatewayError {
  if (isGatewayError(err)) return err;
  // The status reaches /readyz, which anyone may ask: an unknown error's text (it may name hosts,
  // URLs or credentials) goes to the log only.
  return new GatewayError('INTERNAL', `indexing ${system} failed unexpectedly; the gateway log has the details`, { system, cause: err });
}

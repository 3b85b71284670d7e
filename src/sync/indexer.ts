// Lists every enabled connector's records into the record cache and the identity index: at start
// (in full, page by page), then every interval only what changed since the stored cursor.
//
// A page is applied — new records linked, handed to every page listener, then written to the
// record cache — before its cursor is stored, so a crash or failure replays at most that page, and
// the replay reports the same changes again (see PageApplier). Connectors run side by side and fail alone; the
// entities of one connector run in dependency order, and a failure stops that connector's run
// there (the rest follows on the next run). Runs never overlap.
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

export interface IndexerOptions {
  store: { identity: IdentityIndex; records: RecordCache; cursors: SyncCursors };
  connectors: readonly Connector[];
  logger: Logger;
  /** Pause between the end of one run and the start of the next, in ms; 0: run only at start. */
  intervalMs: number;
  /** Links records seen for the first time (default: each gets a new unified id). */
  resolveIdentity?: ResolveIdentity;
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

/** One connector's indexing state, as readyz and syncStatus show it. */
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
  startedAt: DateTime;
  finishedAt: DateTime;
  /** Stopped (by stop()) before every connector finished. */
  stopped: boolean;
  connectors: ConnectorRunResult[];
}

interface ConnectorState {
  firstRunDone: boolean;
  running: boolean;
  lastRunAt: DateTime | null;
  lastSuccessAt: DateTime | null;
  lastError: IndexError | null;
  lastRunCounts: RunCounts;
}

const zeroCounts = (): RunCounts => ({ pages: 0, received: 0, changed: 0, deleted: 0 });

export class Indexer {
  private readonly store: IndexerOptions['store'];
  private readonly connectors: readonly Connector[];
  private readonly logger: Logger;
  private readonly intervalMs: number;
  private readonly now: () => DateTime;
  private readonly applier: PageApplier;
  private readonly listeners = new Set<PageListener>();
  private readonly states = new Map<System, ConnectorState>();
  private current: Promise<IndexerRun> | null = null;
  private next: Promise<IndexerRun> | null = null;
  private controller: AbortController | null = null;
  private timer: NodeJS.Timeout | null = null;
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
   * Runs one pass over every connector. Called while a pass is running, it does not overlap it: it
   * resolves to the pass that starts right after (one follow-up pass, shared by every such caller).
   */
  runOnce(): Promise<IndexerRun> {
    if (!this.current) return this.begin();
    this.next ??= this.current.then(() => {
      this.next = null;
      return this.begin();
    });
    return this.next;
  }

  /** Runs a pass now, then one every intervalMs after the previous pass ended (never overlapping). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.tick();
  }

  /** Stops the schedule and the pass in progress (after its current page); resolves when it has. */
  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stopping = true;
    this.controller?.abort();
    try {
      await (this.next ?? this.current);
    } finally {
      this.stopping = false;
    }
  }

  private tick(): void {
    void this.runOnce().then(() => {
      if (!this.started || this.intervalMs === 0 || this.timer) return;
      this.timer = setTimeout(() => {
        this.timer = null;
        this.tick();
      }, this.intervalMs);
      // The schedule alone must not keep the process alive.
      this.timer.unref();
    });
  }

  private begin(): Promise<IndexerRun> {
    const run = this.execute().finally(() => {
      if (this.current === run) this.current = null;
    });
    this.current = run;
    return run;
  }

  private async execute(): Promise<IndexerRun> {
    const startedAt = this.now();
    if (this.stopping) return { startedAt, finishedAt: startedAt, stopped: true, connectors: [] };
    const controller = new AbortController();
    this.controller = controller;
    const connectors = await Promise.all(this.connectors.map((c) => this.runConnector(c, controller.signal)));
    this.controller = null;
    if (this.ready) {
      for (const resolve of this.readyWaiters.splice(0)) resolve();
    }
    const run: IndexerRun = { startedAt, finishedAt: this.now(), stopped: controller.signal.aborted, connectors };
    this.logger.debug({ stopped: run.stopped, connectors: connectors.map((c) => ({ system: c.system, ok: c.ok, ...c.counts })) }, 'indexer run finished');
    return run;
  }

  private async runConnector(connector: Connector, signal: AbortSignal): Promise<ConnectorRunResult> {
    const { system } = connector;
    const state = this.states.get(system)!;
    const counts = zeroCounts();
    const entities = ENTITY_DEPENDENCY_ORDER.filter((e) => connector.capabilities[e]?.list);
    let entity: EntityType | null = null;
    let error: GatewayError | null = null;
    state.running = true;
    try {
      for (entity of entities) {
        if (signal.aborted) break;
        await this.indexEntity(connector, entity, signal, counts);
      }
    } catch (err) {
      error = asGatewayError(err, system);
      this.logger.warn(
        { system, entity, code: error.code, retryable: error.retryable, error: error.message, ...(isGatewayError(err) ? {} : { err }) },
        'indexing failed for this connector; the others continue and it is retried on the next run',
      );
    } finally {
      state.running = false;
    }
    const finished = !signal.aborted || error !== null;
    if (finished) {
      const at = this.now();
      state.firstRunDone = true;
      state.lastRunAt = at;
      state.lastRunCounts = counts;
      if (error) state.lastError = { code: error.code, message: error.message, entity, at };
      else {
        state.lastError = null;
        state.lastSuccessAt = at;
      }
    }
    return { system, ok: finished && error === null, error, counts };
  }

  private async indexEntity(connector: Connector, entity: EntityType, signal: AbortSignal, counts: RunCounts): Promise<void> {
    const { system } = connector;
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
      // Leaving the loop closes the listing; the cursor already covers every applied page.
      if (signal.aborted) return;
    }
    await this.store.cursors.markRun(system, entity, this.now());
  }
}

function asGatewayError(err: unknown, system: System): GatewayError {
  if (isGatewayError(err)) return err;
  // The status reaches /readyz, which anyone may ask: an unknown error's text (it may name hosts,
  // URLs or credentials) goes to the log only.
  return new GatewayError('INTERNAL', `indexing ${system} failed unexpectedly; the gateway log has the details`, { system, cause: err });
}

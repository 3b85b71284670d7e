// The sync as one service: the indexer's passes (pulls), the twin sync (propagation, echoes,
// conflicts, deletions) after each entity, and a run record per CRM and entity for syncStatus,
// syncRuns and the CLI.
import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import type { Connector } from '../../connectors/connector.js';
import { GatewayError } from '../errors/gateway-error.js';
import { ENTITY_DEPENDENCY_ORDER, SYSTEMS, type EntityType, type System } from '../model/system.js';
import type { ConflictLog } from '../store/conflict-log.js';
import type { SyncCursors } from '../store/sync-cursors.js';
import type { SyncRunHistory } from '../store/sync-run-history.js';
import { scopeKey, type Indexer, type ListingResult, type PassInfo, type PassScope } from './indexer.js';
import type { IndexedPage } from './page-applier.js';
import type { SyncConflict } from './sync-conflict.js';
import type { SyncRun, SyncTrigger } from './sync-run.js';
import type { SyncProgress, SyncScope, SyncService, SyncStatusEntry } from './sync-service.js';
import { noEffects, type SyncEffects, type TwinSync } from './twin-sync.js';
import { ENTITY_NOUNS } from '../writes/validation/known-ids.js';

export interface SyncEngineDeps {
  indexer: Indexer;
  twins: TwinSync;
  runs: SyncRunHistory;
  conflicts: ConflictLog;
  cursors: SyncCursors;
  connectors: readonly Connector[];
  logger: Logger;
  /** Hears each page without the echoes the sync recognized (the change log's pulled changes). */
  onPage?: (page: IndexedPage) => Promise<void>;
  now?: () => DateTime;
}

// Runs kept for callers of run() whose pass is shared with others.
const PASSES_KEPT = 16;

export class SyncEngine implements SyncService {
  private readonly now: () => DateTime;
  // What page listeners did in the pass in progress, per "SYSTEM:ENTITY" (passes never overlap).
  private readonly pageEffects = new Map<string, SyncEffects>();
  private readonly passRuns = new Map<number, SyncRun[]>();

  constructor(private readonly deps: SyncEngineDeps) {
    this.now = deps.now ?? (() => DateTime.utc());
    deps.indexer.onPage(async (page) => {
      const observed = await deps.twins.observe(page);
      const key = scopeKey(page.system, page.entity);
      const effects = this.pageEffects.get(key) ?? noEffects();
      effects.pushed += observed.effects.pushed;
      effects.echoes += observed.effects.echoes;
      this.pageEffects.set(key, effects);
      await deps.onPage?.(observed.page);
    });
  }

  /** The indexer's after-entity hook: reconcile the entity, then record its runs. */
  readonly afterEntity = async (entity: EntityType, listings: readonly ListingResult[], pass: PassInfo): Promise<void> => {
    let reconciled = new Map<System, SyncEffects>();
    let reconcileError: GatewayError | null = null;
    try {
      if (this.deps.twins.propagates(entity)) reconciled = await this.deps.twins.reconcile(entity);
    } catch (err) {
      // The backlog keeps what was not reconciled: the next pass does it.
      this.deps.logger.error({ err, entity }, 'reconciling the pulled changes failed; the next pass tries again');
      reconcileError = err instanceof GatewayError ? err : new GatewayError('INTERNAL', `reconciling ${ENTITY_NOUNS[entity].many} failed unexpectedly; the gateway log has the details`, { cause: err });
    }
    const runs = listings.map((listing): Omit<SyncRun, 'id'> => {
      const key = scopeKey(listing.system, entity);
      const page = this.pageEffects.get(key) ?? noEffects();
      this.pageEffects.delete(key);
      const effects = reconciled.get(listing.system) ?? noEffects();
      const error = listing.error ?? reconcileError;
      return {
        system: listing.system,
        entity,
        trigger: pass.trigger as SyncTrigger,
        startedAt: listing.startedAt,
        finishedAt: this.now(),
        outcome: error ? 'FAILED' : listing.stopped ? 'STOPPED' : 'SUCCEEDED',
        cursor: this.deps.cursors.get(listing.system, entity).cursor,
        counts: {
          pulled: listing.counts.received,
          changed: listing.counts.changed,
          deleted: listing.counts.deleted,
          pushed: page.pushed + effects.pushed,
          conflicts: effects.conflicts,
          echoes: page.echoes,
          errors: (error ? 1 : 0) + effects.errors,
        },
        error: error ? { code: error.code, message: error.message } : null,
      };
    });
    const recorded = await this.deps.runs.recordMany(runs);
    this.passRuns.set(pass.id, [...(this.passRuns.get(pass.id) ?? []), ...recorded]);
    for (const id of this.passRuns.keys()) if (this.passRuns.size > PASSES_KEPT && id !== pass.id) this.passRuns.delete(id);
  };

  status(): SyncStatusEntry[] {
    const now = this.now();
    return this.deps.indexer.listable().map(({ system, entity }) => {
      const latest = this.deps.runs.latest(system, entity);
      const success = this.deps.runs.lastSuccess(system, entity);
      const stored = this.deps.cursors.get(system, entity);
      return {
        system,
        entity,
        running: this.deps.indexer.isListing(system, entity),
        lastRunAt: latest?.finishedAt ?? null,
        lastSuccessAt: success?.finishedAt ?? null,
        cursor: stored.cursor,
        lagMs: success ? Math.max(0, now.toMillis() - success.startedAt.toMillis()) : null,
        lastRun: latest ? { ...latest.counts } : null,
        nextRunAt: this.deps.indexer.nextRunAt,
        lastError: latest?.error ? { ...latest.error, at: latest.finishedAt } : null,
      };
    });
  }

  runs(): readonly SyncRun[] {
    return this.deps.runs.list();
  }

  conflicts(): readonly SyncConflict[] {
    return this.deps.conflicts.list();
  }

  async run(scope: SyncScope, trigger: SyncTrigger, onProgress?: (progress: SyncProgress) => void): Promise<SyncRun[]> {
    const pairs = this.pairs(scope);
    const keys = new Set(pairs.map((p) => scopeKey(p.system, p.entity)));
    const passScope: PassScope = scope.system === undefined && scope.entity === undefined ? null : keys;
    const run = await this.deps.indexer.runOnce(passScope, trigger, onProgress && ((p) => onProgress({ system: p.system, entity: p.entity, pages: p.pages, pulled: p.received, done: p.done })));
    const order = (r: SyncRun) => ENTITY_DEPENDENCY_ORDER.indexOf(r.entity) * SYSTEMS.length + SYSTEMS.indexOf(r.system);
    return (this.passRuns.get(run.pass.id) ?? []).filter((r) => keys.has(scopeKey(r.system, r.entity))).sort((a, b) => order(a) - order(b));
  }

  /** The (CRM, entity) pairs a scope names; BAD_USER_INPUT when it names none that is enabled. */
  private pairs(scope: SyncScope): { system: System; entity: EntityType }[] {
    const listable = this.deps.indexer.listable();
    if (scope.system !== undefined && !this.deps.connectors.some((c) => c.system === scope.system)) {
      const enabled = this.deps.connectors.map((c) => c.system).join(', ') || 'none';
      throw GatewayError.badInput('system', `Argument "system" must be a CRM this gateway syncs (${enabled}), but got: ${scope.system}`);
    }
    const pairs = listable.filter((p) => (scope.system === undefined || p.system === scope.system) && (scope.entity === undefined || p.entity === scope.entity));
    if (pairs.length === 0 && scope.entity !== undefined) {
      const can = [...new Set(listable.filter((p) => scope.system === undefined || p.system === scope.system).map((p) => p.entity))];
      const who = scope.system ?? 'any CRM this gateway syncs';
      throw GatewayError.badInput('entity', `Argument "entity" must be one ${who} holds (${can.join(', ') || 'none'}), but ${who} holds no ${ENTITY_NOUNS[scope.entity].many}`);
    }
    return pairs;
  }
}

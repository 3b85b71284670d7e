// What the GraphQL layer and the CLI see of the sync engine.
import type { DateTime } from 'luxon';
import type { EntityType, System } from '../model/system.js';
import type { SyncConflict } from './sync-conflict.js';
import type { SyncRun, SyncRunCounts, SyncRunError, SyncTrigger } from './sync-run.js';

/** Which listings a run covers: one CRM, one entity, both, or (empty) every enabled one. */
export interface SyncScope {
  system?: System;
  entity?: EntityType;
}

/** One CRM and entity as syncStatus shows it. */
export interface SyncStatusEntry {
  system: System;
  entity: EntityType;
  /** A listing of it is in progress. */
  running: boolean;
  /** When its last run finished, successfully or not. */
  lastRunAt: DateTime | null;
  lastSuccessAt: DateTime | null;
  /** The connector's cursor, as stored (opaque). */
  cursor: string | null;
  /**
   * How far behind the CRM the gateway may be, in ms: now minus the start of the last successful
   * run (a change made after that start may not be pulled yet); null before the first success.
   */
  lagMs: number | null;
  /** What the last finished run did. */
  lastRun: SyncRunCounts | null;
  /** When the schedule runs it next; null when no schedule runs (SYNC_INTERVAL_MS=0, or the CLI). */
  nextRunAt: DateTime | null;
  /** The last run's failure, with the CRM's message; null when it succeeded. */
  lastError: (SyncRunError & { at: DateTime }) | null;
}

/** Progress of a run in flight, for the CLI's bars. */
export interface SyncProgress {
  system: System;
  entity: EntityType;
  /** Pages applied and records pulled so far in this listing. */
  pages: number;
  pulled: number;
  /** The listing ended (the run record follows). */
  done: boolean;
}

export interface SyncService {
  /** Every enabled CRM's listable entities, in dependency order per CRM. */
  status(): SyncStatusEntry[];
  /** Past runs, newest first (the newest 1,000 are kept). */
  runs(): readonly SyncRun[];
  /** Conflicts met, newest first (kept as long as the change log keeps changes). */
  conflicts(): readonly SyncConflict[];
  /**
   * Runs the scope now and resolves to its runs, one per CRM and entity (entities in dependency
   * order, CRMs in SYSTEMS order), once their propagation writes are queued. A run already in progress is not overlapped: this one follows it. Throws a
   * BAD_USER_INPUT GatewayError naming `system` when that CRM is not enabled.
   */
  run(scope: SyncScope, trigger: SyncTrigger, onProgress?: (progress: SyncProgress) => void): Promise<SyncRun[]>;
}

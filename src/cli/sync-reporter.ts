// How `sync` shows a pass: progress bars on a terminal, JSON lines otherwise.
import type { EntityType, System } from '../model/system.js';
import type { SyncRun } from '../sync/sync-run.js';
import type { SyncProgress } from '../sync/sync-service.js';
import type { PassSummary } from './pass-summary.js';

/** One CRM's entity a pass lists. */
export interface Listing {
  system: System;
  entity: EntityType;
}

export interface SyncReporter {
  /** A pass starts over these listings, in each CRM's order. */
  begin(pass: number, listings: readonly Listing[]): void;
  progress(progress: SyncProgress): void;
  /** The pass ended with these runs; null runs when it broke off without any (the error is reported apart). */
  end(runs: readonly SyncRun[] | null, summary: PassSummary | null): void;
}

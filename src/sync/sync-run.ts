// One sync run: the incremental pull of one entity from one CRM, and what the sync did with it.
import type { DateTime } from 'luxon';
import type { ErrorCode } from '../errors/codes.js';
import type { EntityType, System } from '../model/system.js';

/** What started a run: the gateway's start, its schedule, a `runSync` mutation, or the CLI. */
export const SYNC_TRIGGERS = ['START', 'SCHEDULE', 'MANUAL', 'CLI'] as const;
export type SyncTrigger = (typeof SYNC_TRIGGERS)[number];

/** STOPPED: the gateway was shutting down and left the listing after its current page. */
export const SYNC_RUN_OUTCOMES = ['SUCCEEDED', 'FAILED', 'STOPPED'] as const;
export type SyncRunOutcome = (typeof SYNC_RUN_OUTCOMES)[number];

export interface SyncRunCounts {
  /** Records the listing returned (changed or not). */
  pulled: number;
  /** Of those, records new to the gateway or whose content changed. */
  changed: number;
  /** Deletions of records the gateway knew. */
  deleted: number;
  /** Writes queued to other CRMs' twins because of this CRM's changes (creates, updates, deletes). */
  pushed: number;
  /** Fields changed both here and in a twin since the last sync, settled by the conflict policy. */
  conflicts: number;
  /** Changes recognized as the CRM echoing back a write the sync made: neither propagated nor reported. */
  echoes: number;
  /** Failures: the listing's own (at most one) plus records the sync could not propagate. */
  errors: number;
}

export interface SyncRunError {
  code: ErrorCode;
  /** The GatewayError's message (the CRM's own words where it gave some); never a secret. */
  message: string;
}

export interface SyncRun {
  /** Sorts in start order. */
  id: string;
  system: System;
  entity: EntityType;
  trigger: SyncTrigger;
  startedAt: DateTime;
  finishedAt: DateTime;
  outcome: SyncRunOutcome;
  /** The stored cursor once the run ended (null: never listed successfully). */
  cursor: string | null;
  counts: SyncRunCounts;
  error: SyncRunError | null;
}

export const ZERO_RUN_COUNTS: Readonly<SyncRunCounts> = Object.freeze({ pulled: 0, changed: 0, deleted: 0, pushed: 0, conflicts: 0, echoes: 0, errors: 0 });

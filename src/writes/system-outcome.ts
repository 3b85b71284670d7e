// What one CRM did with one write, as the mutation result reports it.
import type { WriteStatus } from '../../connectors/connector.js';
import type { System } from '../model/system.js';

export type OutcomeStatus = WriteStatus | 'SKIPPED' | 'QUEUED' | 'FAILED';

export interface SystemOutcome {
  system: System;
  status: OutcomeStatus;
  /** The CRM's id of the record written (or skipped for lack of it), when known. */
  remoteId: string | null;
  /** Why it was SKIPPED, QUEUED or FAILED (the CRM's message); a note on a write that went through. */
  error: string | null;
  /** Input fields the write named that this CRM cannot hold, so they were not sent there. */
  skippedFields: string[];
  /** The outbox entry of a QUEUED write (see pendingWrites). */
  pendingWriteId: string | null;
}

export function outcome(system: System, status: OutcomeStatus, fields: Partial<Omit<SystemOutcome, 'system' | 'status'>> = {}): SystemOutcome {
  return { system, status, remoteId: null, error: null, skippedFields: [], pendingWriteId: null, ...fields };
}

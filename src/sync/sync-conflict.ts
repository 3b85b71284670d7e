// A conflict: one field changed in two (or more) CRMs since the last sync, to different values.
import type { DateTime } from 'luxon';
import type { EntityType, System } from '../model/system.js';

/** How the winner was chosen: MERGE_FIELD_PRIORITY named the field, or the later modification won. */
export const CONFLICT_RULES = ['SYSTEM_PRIORITY', 'LATER_MODIFICATION'] as const;
export type ConflictRule = (typeof CONFLICT_RULES)[number];

export interface ConflictValue {
  system: System;
  remoteId: string;
  /** The field's unified value in that CRM, JSON-safe (references as unified ids, dates as ISO strings). */
  value: unknown;
  /** When that CRM last modified the record, as it reported. */
  modifiedAt: DateTime | null;
}

export interface SyncConflict {
  /** Sorts in the order conflicts were recorded. */
  id: string;
  /** When the sync met and settled it. */
  at: DateTime;
  entity: EntityType;
  /** The unified object whose twins disagreed. */
  unifiedId: string;
  /** The unified field name. */
  field: string;
  /** Each side's value; every one of them changed since the last sync. */
  values: ConflictValue[];
  /** The CRM whose value won and was written to the others. */
  winner: System;
  rule: ConflictRule;
}

export type NewSyncConflict = Omit<SyncConflict, 'id' | 'at'>;

// One record as a CRM holds it, already mapped to the unified shape.
import type { DateTime } from 'luxon';
import type { UnifiedData } from './entities.js';
import type { EntityType, System } from './system.js';

export interface RemoteRecord<E extends EntityType = EntityType> {
  system: System;
  entity: E;
  /** The CRM's own id, kept as an opaque string (CiviCRM "42", Action Network uuid, Vtiger "12x34"). */
  remoteId: string;
  createdAt: DateTime | null;
  modifiedAt: DateTime | null;
  data: UnifiedData[E];
}

export interface RecordKey {
  system: System;
  entity: EntityType;
  remoteId: string;
}

export function recordKeyString(key: RecordKey): string {
  return `${key.system}:${key.entity}:${key.remoteId}`;
}

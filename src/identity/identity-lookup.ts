// What the matchers need to know of the identity index: which unified object a record belongs to,
// and which records that object links (IdentityIndex provides both).
import type { EntityType, System } from '../model/system.js';

export interface IdentityLookup {
  find(system: System, entity: EntityType, remoteId: string): string | null;
  get(unifiedId: string): { readonly links: readonly { readonly system: System; readonly remoteId: string }[] } | null;
}

/** Whether the unified object already links a record of `system` other than `remoteId`. */
export function hasOtherRecordIn(identity: IdentityLookup, unifiedId: string, system: System, remoteId: string): boolean {
  return identity.get(unifiedId)?.links.some((l) => l.system === system && l.remoteId !== remoteId) ?? false;
}

// Turns the records linked to one unified id into the view the schema serves.
import { displayNameOf } from '../identity/display-name.js';
import { mergeRecords, type MergePolicy } from '../identity/merge-policy.js';
import type { RemoteRecord } from '../model/remote-record.js';
import type { EntityType, System } from '../model/system.js';
import type { DonationView, EntityView, OrganizationView, PersonView, SourceRecordView } from './views.js';

/** Finds the unified id of a record, given where it lives. */
export type UnifiedIdLookup = (system: System, entity: EntityType, remoteId: string) => string | null;

function sourcesOf(records: readonly RemoteRecord[]): SourceRecordView[] {
  return records.map((r) => ({ system: r.system, remoteId: r.remoteId, createdAt: r.createdAt, modifiedAt: r.modifiedAt }));
}

function refId(lookup: UnifiedIdLookup, winner: RemoteRecord | undefined, entity: EntityType, ref: string | null | undefined): string | null {
  return winner && ref ? lookup(winner.system, entity, ref) : null;
}

export function buildView(
  entity: EntityType,
  id: string,
  records: readonly RemoteRecord[],
  lookup: UnifiedIdLookup,
  policy?: MergePolicy,
): EntityView {
  if (entity === 'PERSON') return personView(id, records as RemoteRecord<'PERSON'>[], lookup, policy);
  if (entity === 'ORGANIZATION') return organizationView(id, records as RemoteRecord<'ORGANIZATION'>[], policy);
  return donationView(id, records as RemoteRecord<'DONATION'>[], lookup, policy);
}

export function personView(id: string, records: readonly RemoteRecord<'PERSON'>[], lookup: UnifiedIdLookup, policy?: MergePolicy): PersonView {
  const merged = mergeRecords(records, policy);
  const { organizationRef, ...person } = merged.data;
  return {
    __typename: 'Person',
    id,
    ...person,
    displayName: displayNameOf(person),
    organizationId: refId(lookup, merged.winners['organizationRef'], 'ORGANIZATION', organizationRef),
    sources: sourcesOf(records),
    createdAt: merged.createdAt,
    modifiedAt: merged.modifiedAt,
  };
}

export function organizationView(id: string, records: readonly RemoteRecord<'ORGANIZATION'>[], policy?: MergePolicy): OrganizationView {
  const merged = mergeRecords(records, policy);
  return {
    __typename: 'Organization',
    id,
    ...merged.data,
    sources: sourcesOf(records),
    createdAt: merged.createdAt,
    modifiedAt: merged.modifiedAt,
  };
}

export function donationView(id: string, records: readonly RemoteRecord<'DONATION'>[], lookup: UnifiedIdLookup, policy?: MergePolicy): DonationView {
  const merged = mergeRecords(records, policy);
  const { donorRef, ...donation } = merged.data;
  return {
    __typename: 'Donation',
    id,
    ...donation,
    donorId: refId(lookup, merged.winners['donorRef'], 'PERSON', donorRef),
    sources: sourcesOf(records),
    createdAt: merged.createdAt,
    modifiedAt: merged.modifiedAt,
  };
}

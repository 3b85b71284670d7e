// The objects resolvers hand to the schema: unified entities merged from their linked records,
// plus the unified ids of related objects so nested fields can be loaded.
import type { DateTime } from 'luxon';
import type { UnifiedDonation, UnifiedOrganization, UnifiedPerson } from '../model/entities.js';
import type { System } from '../model/system.js';

export interface SourceRecordView {
  system: System;
  remoteId: string;
  createdAt: DateTime | null;
  modifiedAt: DateTime | null;
}

interface Sourced {
  id: string;
  sources: SourceRecordView[];
  createdAt: DateTime | null;
  modifiedAt: DateTime | null;
}

export interface PersonView extends Sourced, Omit<UnifiedPerson, 'organizationRef'> {
  __typename: 'Person';
  displayName: string;
  /** Unified id of the organization, when the winning record names one the index knows. */
  organizationId: string | null;
}

export interface OrganizationView extends Sourced, UnifiedOrganization {
  __typename: 'Organization';
}

export interface DonationView extends Sourced, Omit<UnifiedDonation, 'donorRef'> {
  __typename: 'Donation';
  donorId: string | null;
}

export type EntityView = PersonView | OrganizationView | DonationView;

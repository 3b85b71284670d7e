// SyncRun: one incremental pull of one entity from one CRM, and what the sync did with it.
import type { DateTime } from 'luxon';
import { Field, ID, ObjectType } from 'type-graphql';
import type { EntityType, System } from '../../src/model/system.js';
import type { SyncRunOutcome, SyncTrigger } from '../../src/sync/sync-run.js';
import { EntityTypeEnum, SystemEnum } from '../enums/system.enum.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { connectionTypes } from '../shared/page-info.type.js';
import { SyncError } from './sync-error.type.js';
import { SyncRunCounts } from './sync-run-counts.type.js';
import { SyncRunOutcomeEnum, SyncTriggerEnum } from './sync.enum.js';

@ObjectType({ description: 'One incremental pull of one entity from one CRM, and what the sync did with it.' })
export class SyncRun {
  @Field(() => ID, { description: 'Sorts in start order.' })
  id!: string;

  @Field(() => SystemEnum, { description: 'The CRM pulled from.' })
  system!: System;

  @Field(() => EntityTypeEnum, { description: 'The entity pulled.' })
  entity!: EntityType;

  @Field(() => SyncTriggerEnum, { description: 'What started the run.' })
  trigger!: SyncTrigger;

  @Field(() => DateTimeScalar, { description: 'When the listing started.' })
  startedAt!: DateTime;

  @Field(() => DateTimeScalar, { description: 'When the run ended, its writes to the twins queued.' })
  finishedAt!: DateTime;

  @Field(() => SyncRunOutcomeEnum, { description: 'How the run ended.' })
  outcome!: SyncRunOutcome;

  @Field(() => String, { nullable: true, description: "The connector's cursor once the run ended, opaque; null when it never listed successfully." })
  cursor!: string | null;

  @Field(() => SyncRunCounts, { description: 'What the run did, in numbers.' })
  counts!: SyncRunCounts;

  @Field(() => SyncError, { nullable: true, description: 'Why the listing failed; null when it did not (records that failed to propagate are only counted).' })
  error!: SyncError | null;
}

export const SyncRunConnection = connectionTypes(SyncRun, 'SyncRun');

// SyncStatus: one CRM and entity as the sync engine sees it — last run, cursor, lag, next run.
import type { DateTime } from 'luxon';
import { Field, Float, ObjectType } from 'type-graphql';
import type { EntityType, System } from '../../src/model/system.js';
import { EntityTypeEnum, SystemEnum } from '../enums/system.enum.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { SyncError } from './sync-error.type.js';
import { SyncRunCounts } from './sync-run-counts.type.js';

@ObjectType({ description: 'The incremental sync of one entity from one CRM.' })
export class SyncStatus {
  @Field(() => SystemEnum, { description: 'The CRM pulled from.' })
  system!: System;

  @Field(() => EntityTypeEnum, { description: 'The entity pulled.' })
  entity!: EntityType;

  @Field({ description: 'A run of it is in progress.' })
  running!: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When its last run ended, successfully or not; null before the first.' })
  lastRunAt!: DateTime | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When its last successful run ended; null before the first.' })
  lastSuccessAt!: DateTime | null;

  @Field(() => String, { nullable: true, description: "Where the next run resumes: the connector's cursor, opaque; null before the first listing (the next run pulls everything)." })
  cursor!: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'How far behind the CRM the gateway may be, in milliseconds: now minus the start of the last successful run (a change made after it may not be pulled yet); null before the first success.',
  })
  lagMs!: number | null;

  @Field(() => SyncRunCounts, { nullable: true, description: 'What its last run did; null before the first.' })
  lastRun!: SyncRunCounts | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the schedule runs it next; null when no schedule runs (SYNC_INTERVAL_MS=0).' })
  nextRunAt!: DateTime | null;

  @Field(() => SyncError, { nullable: true, description: "Why its last run failed, with the CRM's message; null when it succeeded." })
  lastError!: SyncError | null;
}

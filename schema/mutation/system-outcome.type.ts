// SystemOutcome: what one CRM did with a write.
import { Field, ID, ObjectType } from 'type-graphql';
import type { System } from '../../src/model/system.js';
import type { OutcomeStatus } from '../../src/writes/system-outcome.js';
import { SystemEnum } from '../enums/system.enum.js';
import { WriteStatusEnum } from './write-status.enum.js';

@ObjectType()
export class SystemOutcome {
  @Field(() => SystemEnum)
  system!: System;

  @Field(() => WriteStatusEnum)
  status!: OutcomeStatus;

  @Field(() => String, { nullable: true, description: "The CRM's id of the record written." })
  remoteId!: string | null;

  @Field(() => String, { nullable: true, description: "Why it was SKIPPED, QUEUED or FAILED (the CRM's message); a note on a write that went through." })
  error!: string | null;

  @Field(() => [String], { description: 'Input fields this CRM cannot hold (or whose referenced object has no record there), so they were not sent to it.' })
  skippedFields!: string[];

  @Field(() => ID, { nullable: true, description: 'The pendingWrites entry of a QUEUED write.' })
  pendingWriteId!: string | null;
}

// PendingWrite: one outbox entry — a write still to be delivered to a CRM, or one refused for good.
import type { DateTime } from 'luxon';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { EntityType, System } from '../../src/model/system.js';
import type { OutboxStatus, WriteOp } from '../../src/store/outbox.js';
import { EntityTypeEnum, SystemEnum } from '../enums/system.enum.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { connectionTypes } from '../shared/page-info.type.js';
import { PendingWriteStatusEnum, WriteOpEnum } from './write-status.enum.js';

@ObjectType()
export class PendingWrite {
  @Field(() => ID)
  id!: string;

  @Field(() => SystemEnum)
  system!: System;

  @Field(() => EntityTypeEnum)
  entity!: EntityType;

  @Field(() => WriteOpEnum)
  op!: WriteOp;

  @Field(() => ID, { description: 'The unified object written.' })
  unifiedId!: string;

  @Field(() => String, { nullable: true, description: 'The record changed (null for a create, or while the create it follows is pending).' })
  remoteId!: string | null;

  @Field(() => PendingWriteStatusEnum)
  status!: OutboxStatus;

  @Field(() => Int)
  attempts!: number;

  @Field(() => DateTimeScalar, { nullable: true })
  nextAttemptAt!: DateTime | null;

  @Field(() => String, { nullable: true, description: "The last attempt's error (the CRM's message)." })
  lastError!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: DateTime;
}

export const PendingWriteConnection = connectionTypes(PendingWrite, 'PendingWrite');

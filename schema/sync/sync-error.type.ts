// SyncError: why a sync run failed, with the CRM's own words where it gave some.
import type { DateTime } from 'luxon';
import { Field, ObjectType } from 'type-graphql';
import type { ErrorCode } from '../../src/errors/codes.js';
import { ErrorCodeEnum } from '../enums/error-code.enum.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';

@ObjectType({ description: "Why a sync run failed, with the CRM's own message where it gave one." })
export class SyncError {
  @Field(() => ErrorCodeEnum, { description: 'The error code, e.g. UPSTREAM_AUTH for refused credentials or UPSTREAM_UNAVAILABLE for an outage.' })
  code!: ErrorCode;

  @Field({ description: "What went wrong (the CRM's message where it gave one); never a secret." })
  message!: string;

  @Field(() => DateTimeScalar, { description: 'When the failed run ended.' })
  at!: DateTime;
}

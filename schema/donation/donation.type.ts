// Donation: a gift as one CRM recorded it.
import type { DateTime } from 'luxon';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../shared/node.interface.js';
import { SourceRecord } from '../shared/source-record.type.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { Designation, Money } from './money.type.js';

// donor is declared by DonationResolver, which loads it.
@ObjectType({ implements: Node })
export class Donation extends Node {
  @Field(() => Money)
  amount!: Money;

  @Field(() => DateTimeScalar)
  receivedAt!: DateTime;

  @Field(() => [Designation])
  designations!: Designation[];

  @Field()
  recurring!: boolean;

  @Field(() => [SourceRecord])
  sources!: SourceRecord[];
}

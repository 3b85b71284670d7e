// Organization: an employer or group, merged from every CRM record linked to it.
import type { DateTime } from 'luxon';
import { Field, ObjectType } from 'type-graphql';
import { EmailAddress, PhoneNumber, PostalAddress } from '../shared/contact-points.type.js';
import { Node } from '../shared/node.interface.js';
import { SourceRecord } from '../shared/source-record.type.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';

// people and donations are declared by OrganizationResolver (they need arguments and loaders).
@ObjectType({ implements: Node })
export class Organization extends Node {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  website!: string | null;

  @Field(() => [EmailAddress])
  emails!: EmailAddress[];

  @Field(() => [PhoneNumber])
  phones!: PhoneNumber[];

  @Field(() => [PostalAddress])
  addresses!: PostalAddress[];

  @Field(() => [SourceRecord])
  sources!: SourceRecord[];

  @Field(() => DateTimeScalar, { nullable: true })
  modifiedAt!: DateTime | null;
}

// Person: one human, merged from every CRM record linked to them.
import type { DateTime } from 'luxon';
import { Field, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { EmailAddress, PhoneNumber, PostalAddress } from '../shared/contact-points.type.js';
import { Node } from '../shared/node.interface.js';
import { SourceRecord } from '../shared/source-record.type.js';
import { DateScalar } from '../scalars/date.scalar.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';

// organization and donations are declared by PersonResolver: declaring them here would make
// person.type and organization.type import each other.
@ObjectType({ implements: Node })
export class Person extends Node {
  @Field(() => String, { nullable: true })
  givenName!: string | null;

  @Field(() => String, { nullable: true })
  familyName!: string | null;

  @Field()
  displayName!: string;

  @Field(() => [EmailAddress])
  emails!: EmailAddress[];

  @Field(() => [PhoneNumber])
  phones!: PhoneNumber[];

  @Field(() => [PostalAddress])
  addresses!: PostalAddress[];

  @Field(() => [String], { description: 'ISO 639-1 codes.' })
  languages!: string[];

  @Field(() => DateScalar, { nullable: true })
  birthDate!: string | null;

  @Field(() => [String])
  tags!: string[];

  @Field(() => GraphQLJSON, { nullable: true })
  customFields!: Record<string, unknown> | null;

  @Field(() => [SourceRecord])
  sources!: SourceRecord[];

  @Field(() => DateTimeScalar, { nullable: true })
  createdAt!: DateTime | null;

  @Field(() => DateTimeScalar, { nullable: true })
  modifiedAt!: DateTime | null;
}

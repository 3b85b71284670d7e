// Person: one human, merged from every CRM record linked to them.
import type { DateTime } from 'luxon';
import { Field, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Contact } from '../shared/contact.type.js';
import { Node } from '../shared/node.interface.js';
import { DateScalar } from '../scalars/date.scalar.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';

// Emails, phones, addresses, sources and modifiedAt come from Contact; organization and donations
// are declared by PersonResolver: declaring them here would make person.type and organization.type
// import each other.
@ObjectType({ implements: Node })
export class Person extends Contact {
  @Field(() => String, { nullable: true })
  givenName!: string | null;

  @Field(() => String, { nullable: true })
  familyName!: string | null;

  @Field()
  displayName!: string;

  @Field(() => [String], { description: 'ISO 639-1 codes.' })
  languages!: string[];

  @Field(() => DateScalar, { nullable: true })
  birthDate!: string | null;

  @Field(() => [String])
  tags!: string[];

  @Field(() => GraphQLJSON, { nullable: true })
  customFields!: Record<string, unknown> | null;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAt!: DateTime | null;
}

// The fields Person and Organization share, both being CRM contacts: how to reach them, the CRM
// records they merge, and when one of those last changed.
import type { DateTime } from 'luxon';
import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { EmailAddress, PhoneNumber, PostalAddress } from './contact-points.type.js';
import { Node } from './node.interface.js';
import { SourceRecord } from './source-record.type.js';

// A base class, not a type of the graph: type-graphql inherits fields only from a registered
// class, but emits one only when something returns it or it implements a used interface. So this
// names no interface (Person and Organization do) and the SDL lists each field on each type.
@ObjectType()
export abstract class Contact extends Node {
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

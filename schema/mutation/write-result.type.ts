// The results of the mutations: the object as it reads now, and one outcome per CRM.
import { Field, ID, ObjectType } from 'type-graphql';
import type { DonationView, OrganizationView, PersonView } from '../../src/graph/views.js';
import { Donation } from '../donation/donation.type.js';
import { Organization } from '../organization/organization.type.js';
import { Person } from '../person/person.type.js';
import { SystemOutcome } from './system-outcome.type.js';

@ObjectType({ description: 'person is null until a CRM holds the person (e.g. while every write is queued).' })
export class PersonWriteResult {
  @Field(() => Person, { nullable: true })
  person!: PersonView | null;

  @Field(() => [SystemOutcome])
  outcomes!: SystemOutcome[];
}

@ObjectType()
export class OrganizationWriteResult {
  @Field(() => Organization, { nullable: true })
  organization!: OrganizationView | null;

  @Field(() => [SystemOutcome])
  outcomes!: SystemOutcome[];
}

@ObjectType()
export class DonationWriteResult {
  @Field(() => Donation, { nullable: true })
  donation!: DonationView | null;

  @Field(() => [SystemOutcome])
  outcomes!: SystemOutcome[];
}

@ObjectType()
export class DeleteResult {
  @Field(() => ID)
  id!: string;

  @Field(() => [SystemOutcome])
  outcomes!: SystemOutcome[];
}

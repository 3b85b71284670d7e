// What a merge of people did.
import { Field, ID, ObjectType } from 'type-graphql';
import { Person } from '../person/person.type.js';

@ObjectType({ description: 'The person that survived a merge, and the ids merged into it (which now resolve to it).' })
export class MergeResult {
  @Field(() => Person, { nullable: true, description: 'The survivor; null only when none of its records can be read any more.' })
  person!: Person | null;

  @Field(() => [ID], { description: 'The ids merged into the survivor by this call; empty when they already were one person.' })
  mergedIds!: string[];
}

// What splitting a record off its unified object did.
import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../shared/node.interface.js';

@ObjectType({ description: 'Where a record unlinked by unlinkRecord now belongs, and the object it left.' })
export class UnlinkResult {
  @Field(() => ID, { description: 'The unified id the record has now: a new one, or the one it had when it already stood alone.' })
  id!: string;

  @Field(() => Node, { nullable: true, description: 'The object with that id.' })
  node!: Node | null;

  @Field(() => ID, { description: 'The unified id the record was linked to before.' })
  previousId!: string;

  @Field(() => Node, { nullable: true, description: 'The object it left, with its other records; the same as node when the record stood alone.' })
  previous!: Node | null;
}

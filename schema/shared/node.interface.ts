// Node: anything with a gateway id, resolvable through `node(id)`.
import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType('Node', { resolveType: (value: { __typename?: string }) => value.__typename })
export abstract class Node {
  @Field(() => ID)
  id!: string;
}

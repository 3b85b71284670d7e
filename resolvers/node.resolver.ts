// node(id): any unified object by its gateway id.
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Node } from '../schema/shared/node.interface.js';
import type { GatewayContext } from '../src/context.js';
import type { EntityView } from '../src/graph/views.js';
import { entityOfId } from './id-argument.js';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<EntityView | null> {
    return ctx.reader.view(entityOfId(id), id);
  }
}

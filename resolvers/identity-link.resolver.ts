// People's decisions on identities outside match candidates: merge people, split a record off.
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { EntityTypeEnum, SystemEnum } from '../schema/enums/system.enum.js';
import { MergeResult } from '../schema/match/merge-result.type.js';
import { UnlinkResult } from '../schema/match/unlink-result.type.js';
import type { Node } from '../schema/shared/node.interface.js';
import type { GatewayContext } from '../src/context.js';
import type { EntityType, System } from '../src/model/system.js';
import { mergeResult } from './merge-result.js';

@Resolver()
export class IdentityLinkResolver {
  @Mutation(() => MergeResult, {
    description:
      'Merges people into the first id: every record of the others moves to it, their ids keep resolving to it (person and node return the survivor), their open match candidates follow, and a MERGED change is recorded. ids must hold at least two existing person ids (BAD_USER_INPUT naming "ids" otherwise, and nothing is written); ids that are already one person are fine.',
  })
  async mergePeople(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: GatewayContext): Promise<MergeResult> {
    return mergeResult(ctx, await ctx.curator.mergePeople(ids));
  }

  @Mutation(() => UnlinkResult, {
    description:
      'Splits one CRM record off the unified object it is linked to, into a new object of its own (CREATED), leaving the others with the old id (UPDATED). A record that already stands alone keeps its id, and the match candidates naming it are closed. The matcher never links it again by itself. BAD_USER_INPUT naming "remoteId" when the gateway has not indexed the record.',
  })
  async unlinkRecord(
    @Arg('system', () => SystemEnum) system: System,
    @Arg('remoteId', () => String) remoteId: string,
    @Ctx() ctx: GatewayContext,
    @Arg('entity', () => EntityTypeEnum, { defaultValue: 'PERSON' }) entity: EntityType,
  ): Promise<UnlinkResult> {
    const outcome = await ctx.curator.unlinkRecord(system, remoteId, entity);
    const [node, previous] = await Promise.all([ctx.reader.view(entity, outcome.unifiedId), ctx.reader.view(entity, outcome.previousId)]);
    return { id: outcome.unifiedId, node: node as Node | null, previousId: outcome.previousId, previous: previous as Node | null };
  }
}

// pendingWrites: the outbox, for operators to see what is still to be delivered and what failed.
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { PendingWrite, PendingWriteConnection } from '../schema/mutation/pending-write.type.js';
import type { Connection } from '../schema/shared/page-info.type.js';
import type { GatewayContext } from '../src/context.js';

@Resolver(() => PendingWrite)
export class PendingWriteResolver {
  @Query(() => PendingWriteConnection, { description: 'Writes queued for a CRM (PENDING) or refused for good on a retry (FAILED), oldest first.' })
  pendingWrites(
    @Ctx() ctx: GatewayContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Connection<PendingWrite> {
    const page = ctx.writes.pendingWrites({ first: first ?? 20, after });
    return {
      edges: page.items.map((node, i) => ({ cursor: page.cursors[i] ?? '', node })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      totalCount: page.totalCount,
    };
  }
}

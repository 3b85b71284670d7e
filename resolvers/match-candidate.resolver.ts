// Match candidates: the list to review, and the two decisions on one (confirm, reject).
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MatchCandidateConnection } from '../schema/match/match-candidate-connection.type.js';
import { MatchCandidate } from '../schema/match/match-candidate.type.js';
import { MergeResult } from '../schema/match/merge-result.type.js';
import { Person } from '../schema/person/person.type.js';
import type { Connection } from '../schema/shared/page-info.type.js';
import type { GatewayContext } from '../src/context.js';
import { paginate } from '../src/graph/page-cursor.js';
import type { PersonView } from '../src/graph/views.js';
import type { PendingCandidate } from '../src/identity/identity-curator.js';
import { mergeResult } from './merge-result.js';

function toType(candidate: PendingCandidate): MatchCandidate {
  const { id, currentIds, source, score, reason, agreed, disagreed, createdAt } = candidate;
  return { id, personIds: [...currentIds], record: source, score, reason, agreed: [...agreed], disagreed: [...disagreed], createdAt };
}

@Resolver(() => MatchCandidate)
export class MatchCandidateResolver {
  @Query(() => MatchCandidateConnection, { description: 'Open match candidates, best score first (then oldest first).' })
  matchCandidates(
    @Ctx() ctx: GatewayContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Connection<MatchCandidate> {
    const page = paginate(ctx.curator.pendingCandidates(), first ?? 20, after);
    return {
      edges: page.items.map((candidate, i) => ({ cursor: page.cursors[i]!, node: toType(candidate) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      totalCount: page.totalCount,
    };
  }

  @FieldResolver(() => [Person], { description: 'The two people (in personIds order); one that can no longer be read is left out.' })
  async people(@Root() candidate: MatchCandidate, @Ctx() ctx: GatewayContext): Promise<PersonView[]> {
    const people = await Promise.all(candidate.personIds.map((id) => ctx.reader.person(id)));
    return people.filter((p): p is PersonView => p !== null);
  }

  @Mutation(() => MergeResult, {
    description:
      'Confirms a match candidate: its two people are one. The newer is merged into the known one (as mergePeople does: records move, the merged id keeps resolving to the survivor, a MERGED change is recorded) and the candidate is closed.',
  })
  async linkRecords(@Arg('candidateId', () => ID) candidateId: string, @Ctx() ctx: GatewayContext): Promise<MergeResult> {
    return mergeResult(ctx, await ctx.curator.confirmCandidate(candidateId));
  }

  @Mutation(() => MatchCandidate, { description: 'Rejects a match candidate: its two people stay two, and it is closed. Returns the closed candidate.' })
  async rejectMatchCandidate(@Arg('candidateId', () => ID) candidateId: string, @Ctx() ctx: GatewayContext): Promise<MatchCandidate> {
    return toType(await ctx.curator.rejectCandidate(candidateId));
  }
}

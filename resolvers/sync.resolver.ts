// The sync engine as operators see it: status per CRM and entity, the run history, the conflicts
// it settled, and a run on demand. Thin: the SyncService decides; this only shapes and pages.
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { EntityTypeEnum, SystemEnum } from '../schema/enums/system.enum.js';
import type { Connection } from '../schema/shared/page-info.type.js';
import { SyncConflict, SyncConflictConnection } from '../schema/sync/sync-conflict.type.js';
import { SyncRun, SyncRunConnection } from '../schema/sync/sync-run.type.js';
import { SyncStatus } from '../schema/sync/sync-status.type.js';
import type { GatewayContext } from '../src/context.js';
import { paginate } from '../src/graph/page-cursor.js';
import type { EntityType, System } from '../src/model/system.js';
import { newestFirstKey } from '../src/store/ordered-id.js';
import type { SyncConflict as SyncConflictRecord } from '../src/sync/sync-conflict.js';
import type { SyncRun as SyncRunRecord } from '../src/sync/sync-run.js';
import type { SyncStatusEntry } from '../src/sync/sync-service.js';

function runType(run: SyncRunRecord): SyncRun {
  return { ...run, counts: { ...run.counts }, error: run.error && { ...run.error, at: run.finishedAt } };
}

function statusType(entry: SyncStatusEntry): SyncStatus {
  return { ...entry, lastRun: entry.lastRun && { ...entry.lastRun }, lastError: entry.lastError && { ...entry.lastError } };
}

function conflictType(conflict: SyncConflictRecord): SyncConflict {
  return { ...conflict, values: conflict.values.map((side) => ({ ...side })) };
}

/** A keyset page of a newest-first list whose ids sort oldest first (run and conflict ids do). */
function newestFirstPage<T extends { id: string }, V>(items: readonly T[], first: number | null, after: string | null | undefined, toType: (item: T) => V): Connection<V> {
  const page = paginate(
    items.map((item) => ({ id: item.id, sortKey: newestFirstKey(item.id), item })),
    first ?? 20,
    after,
  );
  return {
    edges: page.items.map(({ item }, i) => ({ cursor: page.cursors[i]!, node: toType(item) })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    totalCount: page.totalCount,
  };
}

@Resolver()
export class SyncResolver {
  @Query(() => [SyncStatus], { description: 'The incremental sync of every enabled CRM, per entity in the order they are pulled (organizations, people, donations).' })
  syncStatus(@Ctx() ctx: GatewayContext): SyncStatus[] {
    return ctx.sync.status().map(statusType);
  }

  @Query(() => SyncRunConnection, { description: 'Past sync runs, newest first (the newest 1,000 are kept).' })
  syncRuns(
    @Ctx() ctx: GatewayContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Connection<SyncRun> {
    return newestFirstPage(ctx.sync.runs(), first, after, runType);
  }

  @Query(() => SyncConflictConnection, { description: 'Conflicts the sync settled, newest first; kept as long as the change log keeps changes (CHANGELOG_RETENTION).' })
  conflicts(
    @Ctx() ctx: GatewayContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Connection<SyncConflict> {
    return newestFirstPage(ctx.sync.conflicts(), first, after, conflictType);
  }

  @Mutation(() => [SyncRun], {
    description:
      'Syncs now: one run per enabled CRM and entity in scope (both arguments left out: all of them), returned once each has pulled its changes and queued their writes to the twins. A run already in progress is followed, not overlapped.',
  })
  async runSync(
    @Ctx() ctx: GatewayContext,
    @Arg('system', () => SystemEnum, { nullable: true, description: 'Only this CRM; it must be enabled.' }) system?: System | null,
    @Arg('entity', () => EntityTypeEnum, { nullable: true, description: 'Only this entity.' }) entity?: EntityType | null,
  ): Promise<SyncRun[]> {
    const runs = await ctx.sync.run({ system: system ?? undefined, entity: entity ?? undefined }, 'MANUAL');
    return runs.map(runType);
  }
}

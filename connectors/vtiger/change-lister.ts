// Incremental listing: Vtiger's sync operation while it works, else VTQL keyset paging on
// (modifiedtime, id) with deletions found by a periodic id-set difference.
import type { Logger } from 'pino';
import type { ChangePage } from '../connector.js';
import { GatewayError, isGatewayError } from '../../src/errors/gateway-error.js';
import { naiveToUtc } from '../naive-time.js';
import type { EntityType } from '../../src/model/system.js';
import { decodeCursor, encodeCursor, type QueryCursor } from './change-cursor.js';
import type { VtigerClient } from './client.js';
import { ModuleCatalog, type ModuleInfo } from './module-catalog.js';
import { ENTITY_MODULES, type RecordReader } from './record-reader.js';
import { equals, greaterThan, literal, selectStatement, VTQL_ROW_CAP } from './vtql.js';

/** sync's "from the very start": 0 makes Vtiger crash, any time before the first record works. */
const SYNC_FROM_START = 1;

/**
 * A row written in the same second as the cursor's row, but after it was read, sorts before it
 * when its id is smaller, so a strict keyset resume would miss it. A run resuming from a cursor
 * read less than this long after its row's time re-reads that whole second instead (repeats are
 * allowed; callers de-duplicate). Generous, because the gateway's and Vtiger's clocks may differ.
 */
const SETTLE_MS = 5 * 60_000;

export interface ChangeListerOptions {
  deletionScanIntervalMs: number;
  /** The API user's zone, to tell when a cursor row's naive modifiedtime happened. */
  timezone: string;
  now?: () => number;
  logger?: Logger;
}

export class ChangeLister {
  /** Set once sync has answered an empty HTTP 500 (Vtiger 8.2 on PHP 8) or refused application scope. */
  private syncUnusable = false;
  private readonly now: () => number;

  constructor(
    private readonly client: VtigerClient,
    private readonly catalog: ModuleCatalog,
    private readonly reader: RecordReader,
    private readonly options: ChangeListerOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Whether listings use VTQL because sync is unusable on this server. */
  get usingQueryFallback(): boolean {
    return this.syncUnusable;
  }

  async *list<E extends EntityType>(entity: E, cursorText: string | null): AsyncGenerator<ChangePage<E>> {
    const cursor = cursorText === null ? null : decodeCursor(cursorText);
    const module = await this.catalog.module(ENTITY_MODULES[entity]);
    if (cursor?.mode === 'query') {
      yield* this.byQuery(entity, module, cursor);
      return;
    }
    if (!this.syncUnusable) {
      // sync answers what changed strictly after `since`: an unsettled second is asked for again.
      const since = cursor === null ? SYNC_FROM_START : cursor.readAt - cursor.since * 1000 >= SETTLE_MS ? cursor.since : Math.max(SYNC_FROM_START, cursor.since - 1);
      const usable = yield* this.bySync(entity, module, since, cursor === null);
      if (usable) return;
    }
    // From a sync cursor the VTQL listing starts over: sync's epoch and VTQL's naive times are not
    // comparable, and a full pass also builds the id set deletions are found with.
    yield* this.byQuery(entity, module, null);
  }

  /** Pages of sync until `more` is false; false when sync turned out unusable before any page. */
  private async *bySync<E extends EntityType>(entity: E, module: ModuleInfo, from: number, fresh: boolean): AsyncGenerator<ChangePage<E>, boolean> {
    let since = from;
    for (let first = true; ; first = false) {
      let result;
      try {
        result = await this.client.sync(module.name, since, 'application');
      } catch (err) {
        if (!first || !isGatewayError(err) || !(err.upstreamStatus === 500 || err.upstreamCode === 'ACCESS_DENIED')) throw err;
        this.syncUnusable = true;
        this.options.logger?.warn({ module: module.name, reason: err.message }, 'VTIGER sync is unusable; listing changes with VTQL instead');
        return false;
      }
      if (result.more && result.lastModifiedTime <= since) {
        // Asking again from the same time would get the same page: the walk would never end.
        throw new GatewayError('UPSTREAM_REJECTED', `VTIGER sync ${module.name} answered more:true without moving lastModifiedTime past ${since} (got ${result.lastModifiedTime})`, {
          system: 'VTIGER',
        });
      }
      const records = await this.reader.toRecords(entity, result.updated);
      const deletedIds = result.deleted.filter((id) => ModuleCatalog.owns(module, id));
      const cursor = encodeCursor({ mode: 'sync', since: result.lastModifiedTime, readAt: this.now() });
      if (records.length > 0 || deletedIds.length > 0 || result.lastModifiedTime !== since || fresh) {
        yield { records, deletedIds, cursor };
      }
      since = result.lastModifiedTime;
      if (!result.more) return true;
    }
  }

  /**
   * Keyset pages ordered by (modifiedtime, id): each query asks for what comes strictly after the
   * last row delivered, so rows tied on one modifiedtime across a page boundary are neither
   * skipped nor repeated, and every page is one query of up to 100 new rows.
   */
  private async *byQuery<E extends EntityType>(entity: E, module: ModuleInfo, from: QueryCursor | null): AsyncGenerator<ChangePage<E>> {
    const state: QueryCursor = from
      ? { ...from, known: new Set(from.known) }
      : { mode: 'query', after: null, readAt: this.now(), known: new Set(), scannedAt: this.now() };
    const known = state.known as Set<string>;
    let where = from?.after ? (this.settled(from) ? afterCondition(from.after) : `modifiedtime >= ${literal(from.after.time)}`) : undefined;
    let yielded = false;
    for (;;) {
      const rows = await this.client.query(selectStatement({ module: module.name, ...(where ? { where } : {}), orderBy: ['modifiedtime', 'id'], limit: VTQL_ROW_CAP }));
      const last = rows.at(-1);
      if (last) {
        state.after = { time: last.fields['modifiedtime'] ?? '', id: last.fields['id'] ?? '' };
        state.readAt = this.now();
        where = afterCondition(state.after);
        for (const row of rows) known.add(row.fields['id'] ?? '');
        yield { records: await this.reader.toRecords(entity, rows), deletedIds: [], cursor: encodeCursor(state) };
        yielded = true;
      }
      if (rows.length < VTQL_ROW_CAP) break;
    }
    if (from !== null && this.now() - state.scannedAt >= this.options.deletionScanIntervalMs) {
      const deletedIds = await this.findDeletions(module, known);
      for (const id of deletedIds) known.delete(id);
      state.scannedAt = this.now();
      yield { records: [], deletedIds, cursor: encodeCursor(state) };
    } else if (!yielded && from === null) {
      yield { records: [], deletedIds: [], cursor: encodeCursor(state) };
    }
  }

  /** Whether the cursor's second was long over when its row was read: nothing more can land in it. */
  private settled(cursor: QueryCursor): boolean {
    const rowTime = cursor.after ? naiveToUtc(cursor.after.time, this.options.timezone) : null;
    return rowTime !== null && cursor.readAt - rowTime.toMillis() >= SETTLE_MS;
  }

  /**
   * Ids delivered before that Vtiger no longer lists. The full scan pages by offset, so a delete
   * during it can shift a live id out of view: candidates are confirmed missing by id before
   * being reported.
   */
  private async findDeletions(module: ModuleInfo, known: Set<string>): Promise<string[]> {
    const present = new Set<string>();
    for await (const rows of this.client.queryPages({ module: module.name, columns: ['id'], orderBy: ['id'] })) {
      for (const row of rows) present.add(row.fields['id'] ?? '');
    }
    for (const id of present) known.add(id);
    const candidates = [...known].filter((id) => !present.has(id));
    if (candidates.length === 0) return [];
    const stillThere = await this.client.queryByIds(module.name, candidates, ['id']);
    return candidates.filter((id) => !stillThere.has(id));
  }
}

/**
 * (modifiedtime, id) > (time, id), written for a VTQL without parentheses. The AND term comes
 * first so the condition reads the same under SQL precedence and strict left-to-right evaluation.
 */
function afterCondition(after: { time: string; id: string }): string {
  return `${equals('modifiedtime', after.time)} AND ${greaterThan('id', after.id)} OR ${greaterThan('modifiedtime', after.time)}`;
}

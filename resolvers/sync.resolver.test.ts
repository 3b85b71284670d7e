// The sync resolvers over the built schema, with a SyncService whose runs and conflicts live in a
// real SyncRunHistory and ConflictLog: shapes, newest-first keyset pages, and the absent engine.
import { graphql, type ExecutionResult, type GraphQLSchema } from 'graphql';
import Keyv from 'keyv';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGatewaySchema } from '../schema/build-schema.js';
import type { GatewayContext } from '../src/context.js';
import { ConflictLog } from '../src/store/conflict-log.js';
import { SyncRunHistory } from '../src/store/sync-run-history.js';
import { ZERO_RUN_COUNTS, type SyncRun } from '../src/sync/sync-run.js';
import type { SyncScope, SyncService, SyncStatusEntry } from '../src/sync/sync-service.js';

const T0 = DateTime.fromISO('2026-03-01T09:00:00.000Z', { zone: 'utc' });

async function* entries(keyv: Keyv): AsyncIterable<[string, unknown]> {
  yield* keyv.iterator!(undefined) as AsyncIterable<[string, unknown]>;
}

async function open<T>(load: (keyv: Keyv, stored: AsyncIterable<[string, unknown]>) => Promise<T>): Promise<T> {
  const keyv = new Keyv({ store: new Map(), throwOnErrors: true });
  return load(keyv, entries(keyv));
}

function finishedRun(second: number, overrides: Partial<Omit<SyncRun, 'id'>> = {}): Omit<SyncRun, 'id'> {
  const startedAt = T0.plus({ seconds: second });
  return { system: 'CIVICRM', entity: 'PERSON', trigger: 'SCHEDULE', startedAt, finishedAt: startedAt.plus({ seconds: 1 }), outcome: 'SUCCEEDED', cursor: `c${second}`, counts: { ...ZERO_RUN_COUNTS, pulled: second }, error: null, ...overrides };
}

/** Runs what `run` is asked for as one finished run per call, recorded in the history. */
class RecordingSyncService implements SyncService {
  readonly scopes: SyncScope[] = [];
  constructor(
    readonly history: SyncRunHistory,
    readonly conflictLog: ConflictLog,
    private readonly entries: SyncStatusEntry[],
  ) {}
  status(): SyncStatusEntry[] {
    return this.entries;
  }
  runs(): readonly SyncRun[] {
    return this.history.list();
  }
  conflicts() {
    return this.conflictLog.list();
  }
  async run(scope: SyncScope, trigger: SyncRun['trigger']): Promise<SyncRun[]> {
    this.scopes.push(scope);
    return [await this.history.record(finishedRun(100, { system: scope.system ?? 'CIVICRM', entity: scope.entity ?? 'PERSON', trigger }))];
  }
}

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});

async function execute(sync: SyncService, source: string, variableValues?: Record<string, unknown>): Promise<ExecutionResult<Record<string, any>>> {
  return graphql({ schema, source, variableValues, contextValue: { sync } as unknown as GatewayContext });
}

async function service(statusEntries: SyncStatusEntry[] = []): Promise<RecordingSyncService> {
  return new RecordingSyncService(await open((k, s) => SyncRunHistory.load(k, s)), await open((k, s) => ConflictLog.load(k, s, { now: () => T0 })), statusEntries);
}

const RUNS = `query($first: Int, $after: String) { syncRuns(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { id system entity trigger startedAt finishedAt outcome cursor counts { pulled changed deleted pushed conflicts echoes errors } error { code message at } } } } }`;

describe('sync resolvers', () => {
  it('page syncRuns newest first, and a page boundary holds while newer runs arrive', async () => {
    const sync = await service();
    const recorded = await sync.history.recordMany([1, 2, 3, 4, 5].map((s) => finishedRun(s)));
    const first = await execute(sync, RUNS, { first: 2 });
    expect(first.errors).toBeUndefined();
    const page = first.data!.syncRuns;
    expect(page.edges.map((e: any) => e.node.id)).toEqual([recorded[4]!.id, recorded[3]!.id]);
    expect(page).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true, endCursor: page.edges[1].cursor } });
    await sync.history.record(finishedRun(9));
    const second = (await execute(sync, RUNS, { first: 2, after: page.pageInfo.endCursor })).data!.syncRuns;
    expect(second.edges.map((e: any) => e.node.id)).toEqual([recorded[2]!.id, recorded[1]!.id]);
    const last = (await execute(sync, RUNS, { first: 2, after: second.pageInfo.endCursor })).data!.syncRuns;
    expect(last.edges.map((e: any) => e.node.id)).toEqual([recorded[0]!.id]);
    expect(last.pageInfo.hasNextPage).toBe(false);
  });

  it('show a run with its counts, and its error stamped with when it ended', async () => {
    const sync = await service();
    const failed = await sync.history.record(finishedRun(7, { system: 'VTIGER', outcome: 'FAILED', cursor: null, counts: { ...ZERO_RUN_COUNTS, errors: 1 }, error: { code: 'UPSTREAM_AUTH', message: 'VTIGER refused the access key: INVALID_AUTH_TOKEN' } }));
    const node = (await execute(sync, RUNS)).data!.syncRuns.edges[0].node;
    expect(node).toEqual({
      id: failed.id,
      system: 'VTIGER',
      entity: 'PERSON',
      trigger: 'SCHEDULE',
      startedAt: '2026-03-01T09:00:07.000Z',
      finishedAt: '2026-03-01T09:00:08.000Z',
      outcome: 'FAILED',
      cursor: null,
      counts: { ...ZERO_RUN_COUNTS, errors: 1 },
      error: { code: 'UPSTREAM_AUTH', message: 'VTIGER refused the access key: INVALID_AUTH_TOKEN', at: '2026-03-01T09:00:08.000Z' },
    });
  });

  it("refuses an after cursor that is not one of the list's, naming the argument", async () => {
    const sync = await service();
    const result = await execute(sync, RUNS, { after: 'nope' });
    expect(result.errors?.[0]?.originalError).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('list conflicts newest first with every side, its value as JSON', async () => {
    const sync = await service();
    const sides = (given: string) => [
      { system: 'CIVICRM' as const, remoteId: '7', value: { given }, modifiedAt: T0.minus({ minutes: 5 }) },
      { system: 'ACTION_NETWORK' as const, remoteId: 'an-7', value: null, modifiedAt: null },
    ];
    const [older, newer] = await sync.conflictLog.record([
      { entity: 'PERSON', unifiedId: 'per_a', field: 'givenName', values: sides('Ada'), winner: 'CIVICRM', rule: 'LATER_MODIFICATION' },
      { entity: 'ORGANIZATION', unifiedId: 'org_b', field: 'name', values: sides('Acme'), winner: 'ACTION_NETWORK', rule: 'SYSTEM_PRIORITY' },
    ]);
    const result = await execute(sync, '{ conflicts(first: 1) { totalCount pageInfo { hasNextPage } edges { node { id at entity unifiedId field winner rule values { system remoteId value modifiedAt } } } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data!.conflicts).toEqual({
      totalCount: 2,
      pageInfo: { hasNextPage: true },
      edges: [
        {
          node: {
            id: newer!.id,
            at: '2026-03-01T09:00:00.000Z',
            entity: 'ORGANIZATION',
            unifiedId: 'org_b',
            field: 'name',
            winner: 'ACTION_NETWORK',
            rule: 'SYSTEM_PRIORITY',
            values: [
              { system: 'CIVICRM', remoteId: '7', value: { given: 'Acme' }, modifiedAt: '2026-03-01T08:55:00.000Z' },
              { system: 'ACTION_NETWORK', remoteId: 'an-7', value: null, modifiedAt: null },
            ],
          },
        },
      ],
    });
    expect(older!.id < newer!.id).toBe(true);
  });

  it('show syncStatus entries with their last run and last error', async () => {
    const at = T0.plus({ minutes: 1 });
    const sync = await service([
      { system: 'CIVICRM', entity: 'ORGANIZATION', running: true, lastRunAt: null, lastSuccessAt: null, cursor: null, lagMs: null, lastRun: null, nextRunAt: null, lastError: null },
      { system: 'VTIGER', entity: 'PERSON', running: false, lastRunAt: at, lastSuccessAt: T0, cursor: '1700000000', lagMs: 3_000_000_000, lastRun: { ...ZERO_RUN_COUNTS, pulled: 3, errors: 1 }, nextRunAt: at.plus({ minutes: 1 }), lastError: { code: 'UPSTREAM_UNAVAILABLE', message: 'VTIGER answered 503', at } },
    ]);
    const result = await execute(sync, '{ syncStatus { system entity running lastRunAt lastSuccessAt cursor lagMs nextRunAt lastRun { pulled errors } lastError { code message at } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data!.syncStatus).toEqual([
      { system: 'CIVICRM', entity: 'ORGANIZATION', running: true, lastRunAt: null, lastSuccessAt: null, cursor: null, lagMs: null, nextRunAt: null, lastRun: null, lastError: null },
      {
        system: 'VTIGER',
        entity: 'PERSON',
        running: false,
        lastRunAt: '2026-03-01T09:01:00.000Z',
        lastSuccessAt: '2026-03-01T09:00:00.000Z',
        cursor: '1700000000',
        lagMs: 3_000_000_000,
        nextRunAt: '2026-03-01T09:02:00.000Z',
        lastRun: { pulled: 3, errors: 1 },
        lastError: { code: 'UPSTREAM_UNAVAILABLE', message: 'VTIGER answered 503', at: '2026-03-01T09:01:00.000Z' },
      },
    ]);
  });

  it('runSync passes its scope on as a MANUAL run and returns the runs', async () => {
    const sync = await service();
    const result = await execute(sync, 'mutation { runSync(system: VTIGER) { system entity trigger } all: runSync { system } }');
    expect(result.errors).toBeUndefined();
    expect(result.data!.runSync).toEqual([{ system: 'VTIGER', entity: 'PERSON', trigger: 'MANUAL' }]);
    expect(sync.scopes).toEqual([
      { system: 'VTIGER', entity: undefined },
      { system: undefined, entity: undefined },
    ]);
  });
});

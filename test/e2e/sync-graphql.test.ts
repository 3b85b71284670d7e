// The sync's GraphQL surface over the real gateway and simulators: syncStatus after the start run,
// runSync and the runs it adds to syncRuns (newest first, paged), a CRM the gateway does not sync,
// and a conflict made by editing one field of two twins differently between runs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { System } from '../../src/model/system.js';
import { samplePerson } from '../support/sample-records.js';
import { openSyncHarness, type SyncHarness } from '../support/sync-harness.js';

let h: SyncHarness;

// The gateway syncs CiviCRM and Vtiger only; Action Network runs but is not configured.
const SYNCED: System[] = ['CIVICRM', 'VTIGER'];
const start = () => h.start({ systems: SYNCED });

beforeEach(async () => {
  h = await openSyncHarness();
});
afterEach(async () => {
  await h.close();
});

async function ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await h.gw.query<T>(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

const RUN = 'id system entity trigger startedAt finishedAt outcome cursor counts { pulled changed deleted pushed conflicts echoes errors } error { code message at }';

async function allRunsPaged(pageSize: number): Promise<any[]> {
  const runs: any[] = [];
  let after: string | null = null;
  for (;;) {
    const { syncRuns }: any = await ok(`query($first: Int, $after: String) { syncRuns(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${RUN} } } } }`, { first: pageSize, after });
    expect(syncRuns.edges.length).toBeLessThanOrEqual(pageSize);
    runs.push(...syncRuns.edges.map((e: any) => e.node));
    if (!syncRuns.pageInfo.hasNextPage) {
      expect(runs).toHaveLength(syncRuns.totalCount);
      return runs;
    }
    after = syncRuns.pageInfo.endCursor;
  }
}

describe('sync over GraphQL', () => {
  it('syncStatus shows every synced CRM and entity with its cursor and the start run', async () => {
    await h.upstream.get('CIVICRM')!.create('PERSON', [samplePerson({ emails: [{ address: 'status@example.org', primary: true, status: 'SUBSCRIBED' }] })]);
    await start();
    const { syncStatus } = await ok(
      '{ syncStatus { system entity running lastRunAt lastSuccessAt cursor lagMs nextRunAt lastRun { pulled changed deleted pushed conflicts echoes errors } lastError { code message at } } }',
    );
    expect(syncStatus.map((s: any) => `${s.system} ${s.entity}`)).toEqual(['CIVICRM ORGANIZATION', 'CIVICRM PERSON', 'CIVICRM DONATION', 'VTIGER ORGANIZATION', 'VTIGER PERSON', 'VTIGER DONATION']);
    for (const entry of syncStatus) {
      expect(entry, `${entry.system} ${entry.entity}`).toMatchObject({ running: false, lastRunAt: expect.any(String), lastSuccessAt: expect.any(String), nextRunAt: null, lastError: null });
      expect(entry.cursor, `${entry.system} ${entry.entity}`).toBe(h.gw.store.cursors.get(entry.system, entry.entity).cursor);
      expect(entry.lagMs).toBeGreaterThanOrEqual(0);
      expect(entry.lastRun.errors).toBe(0);
    }
    const civiPeople = syncStatus.find((s: any) => s.system === 'CIVICRM' && s.entity === 'PERSON');
    // The person pulled from CiviCRM, and its new twin queued to Vtiger.
    expect(civiPeople.cursor).not.toBeNull();
    expect(civiPeople.lastRun).toMatchObject({ pulled: 1, changed: 1, pushed: 1, conflicts: 0 });
    const { syncRuns } = await ok(`{ syncRuns(first: 50) { totalCount edges { node { system entity trigger outcome } } } }`);
    expect(syncRuns.totalCount).toBe(6);
    expect(syncRuns.edges.map((e: any) => e.node)).toEqual(expect.arrayContaining([{ system: 'VTIGER', entity: 'PERSON', trigger: 'START', outcome: 'SUCCEEDED' }]));
    expect(new Set(syncRuns.edges.map((e: any) => e.node.trigger))).toEqual(new Set(['START']));
  });

  it('runSync runs the scope now and returns its runs, which syncRuns lists newest first, page by page', async () => {
    await start();
    const { runSync: civi } = await ok(`mutation { runSync(system: CIVICRM) { ${RUN} } }`);
    expect(civi.map((r: any) => `${r.system} ${r.entity} ${r.trigger} ${r.outcome}`)).toEqual(['CIVICRM ORGANIZATION MANUAL SUCCEEDED', 'CIVICRM PERSON MANUAL SUCCEEDED', 'CIVICRM DONATION MANUAL SUCCEEDED']);
    const { runSync: vtigerPeople } = await ok(`mutation { runSync(system: VTIGER, entity: PERSON) { ${RUN} } }`);
    expect(vtigerPeople).toMatchObject([{ system: 'VTIGER', entity: 'PERSON', trigger: 'MANUAL', outcome: 'SUCCEEDED', error: null }]);
    expect(Date.parse(vtigerPeople[0].finishedAt)).toBeGreaterThanOrEqual(Date.parse(vtigerPeople[0].startedAt));

    const runs = await allRunsPaged(4);
    // 6 start runs, then 3 and 1 manual ones.
    expect(runs).toHaveLength(10);
    expect(new Set(runs.map((r) => r.id)).size).toBe(10);
    expect(runs[0]).toEqual(vtigerPeople[0]);
    expect(runs.slice(1, 4)).toEqual(expect.arrayContaining(civi));
    expect(runs.slice(4).map((r) => r.trigger)).toEqual(Array(6).fill('START'));
    const starts = runs.map((r) => Date.parse(r.startedAt));
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    expect(await allRunsPaged(1)).toEqual(runs);
  });

  it('runSync refuses a CRM the gateway does not sync, naming `system`', async () => {
    await start();
    const res = await h.gw.query('mutation { runSync(system: ACTION_NETWORK) { id } }');
    expect(res.errors).toMatchObject([
      { message: 'Argument "system" must be a CRM this gateway syncs (CIVICRM, VTIGER), but got: ACTION_NETWORK', extensions: { code: 'BAD_USER_INPUT', argument: 'system' } },
    ]);
    const { syncRuns } = await ok('{ syncRuns { totalCount } }');
    expect(syncRuns.totalCount).toBe(6);
  });

  it("a failed run reports the CRM's error in its run and in syncStatus, and the cursor stays", async () => {
    await start();
    const before = h.gw.store.cursors.get('VTIGER', 'PERSON').cursor;
    const vtigerPeople = (status: any[]) => status.find((s) => s.system === 'VTIGER' && s.entity === 'PERSON');
    const started = vtigerPeople((await ok('{ syncStatus { system entity lastSuccessAt } }')).syncStatus);
    h.sims.vtiger.faults.inject({ kind: 'status', status: 503, times: Infinity });
    let failed: any;
    try {
      ({ runSync: [failed] } = await ok(`mutation { runSync(system: VTIGER, entity: PERSON) { ${RUN} } }`));
    } finally {
      h.sims.vtiger.faults.clear();
    }
    expect(failed).toMatchObject({ outcome: 'FAILED', counts: { errors: 1 }, cursor: before, error: { code: 'UPSTREAM_UNAVAILABLE', at: failed.finishedAt } });
    expect(failed.error.message).toContain('HTTP 503');
    const { syncStatus } = await ok('{ syncStatus { system entity lastRunAt lastSuccessAt cursor lastRun { errors } lastError { code message at } } }');
    expect(vtigerPeople(syncStatus)).toEqual({
      system: 'VTIGER',
      entity: 'PERSON',
      lastRunAt: failed.finishedAt,
      lastSuccessAt: started.lastSuccessAt,
      cursor: before,
      lastRun: { errors: 1 },
      lastError: failed.error,
    });
    expect(syncStatus.find((s: any) => s.system === 'CIVICRM' && s.entity === 'PERSON').lastError).toBeNull();
  });

  it('conflicts shows a field edited differently in two twins between runs, both values, the winner and the rule', async () => {
    const [created] = await h.upstream.get('CIVICRM')!.create('PERSON', [samplePerson({ givenName: 'Mary', familyName: 'Jackson', emails: [{ address: 'mj@example.org', primary: true, status: 'SUBSCRIBED' }] })]);
    expect(created?.ok).toBe(true);
    const civiId = (created as { remoteId: string }).remoteId;
    await start();
    // The next run takes in the echo of the twin the start run created in Vtiger.
    await ok('mutation { runSync { id } }');
    await h.delivered();
    const unifiedId = h.gw.store.identity.find('CIVICRM', 'PERSON', civiId)!;
    const vtigerId = h.gw.store.identity.get(unifiedId)!.links.find((l) => l.system === 'VTIGER')!.remoteId;
    expect((await ok('{ conflicts { totalCount } }')).conflicts.totalCount).toBe(0);

    await h.upstream.get('CIVICRM')!.update('PERSON', [{ remoteId: civiId, patch: { familyName: 'Jackson-Civi' } }]);
    // Both CRMs keep modification times to the second: Vtiger's edit is the later one.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await h.upstream.get('VTIGER')!.update('PERSON', [{ remoteId: vtigerId, patch: { familyName: 'Jackson-Vtiger' } }]);

    const { runSync } = await ok(`mutation { runSync(entity: PERSON) { system entity counts { conflicts } } }`);
    // One run per CRM, in SYSTEMS order.
    expect(runSync).toEqual([
      { system: 'CIVICRM', entity: 'PERSON', counts: { conflicts: 1 } },
      { system: 'VTIGER', entity: 'PERSON', counts: { conflicts: 1 } },
    ]);
    await h.delivered();
    const { conflicts } = await ok('{ conflicts(first: 5) { totalCount edges { node { id at entity unifiedId field values { system remoteId value modifiedAt } winner rule } } } }');
    expect(conflicts.totalCount).toBe(1);
    const [{ node }] = conflicts.edges;
    expect(node).toMatchObject({ entity: 'PERSON', unifiedId, field: 'familyName', winner: 'VTIGER', rule: 'LATER_MODIFICATION' });
    expect(node.values).toEqual(
      expect.arrayContaining([
        { system: 'CIVICRM', remoteId: civiId, value: 'Jackson-Civi', modifiedAt: expect.any(String) },
        { system: 'VTIGER', remoteId: vtigerId, value: 'Jackson-Vtiger', modifiedAt: expect.any(String) },
      ]),
    );
    expect(node.values).toHaveLength(2);
    const modified = new Map(node.values.map((v: any) => [v.system, Date.parse(v.modifiedAt)]));
    expect(modified.get('VTIGER')).toBeGreaterThan(modified.get('CIVICRM') as number);
    // The winner's value reached the other twin.
    const [civiNow] = await h.upstream.get('CIVICRM')!.load('PERSON', [civiId]);
    expect(civiNow?.data.familyName).toBe('Jackson-Vtiger');
  });
});

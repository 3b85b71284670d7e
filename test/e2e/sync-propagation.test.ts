// The sync over the three real simulators: a change pulled from one CRM reaches its twins in the
// others through the outbox, twins missing in a CRM are created, and the writes' echoes neither
// bounce back nor raise events.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { System } from '../../src/model/system.js';
import { samplePerson } from '../support/sample-records.js';
import { openSyncHarness, type SyncHarness } from '../support/sync-harness.js';

let h: SyncHarness;

beforeEach(async () => {
  h = await openSyncHarness();
});
afterEach(async () => {
  await h.close();
});

async function personIn(system: System, remoteId: string) {
  const [record] = await h.upstream.get(system)!.load('PERSON', [remoteId]);
  return record;
}

describe('sync propagation', () => {
  it('creates the missing twins of a person first seen in one CRM, then carries edits from any CRM to the others', async () => {
    const [created] = await h.upstream.get('CIVICRM')!.create('PERSON', [samplePerson({ givenName: 'Grace', familyName: 'Hopper', emails: [{ address: 'grace@example.org', primary: true, status: 'SUBSCRIBED' }] })]);
    expect(created?.ok).toBe(true);
    await h.start();
    const unifiedId = h.gw.store.identity.find('CIVICRM', 'PERSON', (created as any).remoteId)!;
    const twins = h.twinsOf(unifiedId);
    expect([...twins.keys()].sort()).toEqual(['ACTION_NETWORK', 'CIVICRM', 'VTIGER']);
    expect((await personIn('ACTION_NETWORK', twins.get('ACTION_NETWORK')!))?.data).toMatchObject({ givenName: 'Grace', familyName: 'Hopper' });
    expect((await personIn('VTIGER', twins.get('VTIGER')!))?.data).toMatchObject({ givenName: 'Grace', familyName: 'Hopper' });

    await h.upstream.get('VTIGER')!.update('PERSON', [{ remoteId: twins.get('VTIGER')!, patch: { familyName: 'Murray' } }]);
    await h.pass();
    expect((await personIn('CIVICRM', twins.get('CIVICRM')!))?.data.familyName).toBe('Murray');
    expect((await personIn('ACTION_NETWORK', twins.get('ACTION_NETWORK')!))?.data.familyName).toBe('Murray');

    await h.upstream.get('ACTION_NETWORK')!.update('PERSON', [{ remoteId: twins.get('ACTION_NETWORK')!, patch: { givenName: 'Amazing Grace' } }]);
    await h.pass();
    expect((await personIn('CIVICRM', twins.get('CIVICRM')!))?.data.givenName).toBe('Amazing Grace');
    expect((await personIn('VTIGER', twins.get('VTIGER')!))?.data.givenName).toBe('Amazing Grace');
  });
});

describe('echo suppression', () => {
  it('a propagated write raises one change and no ping-pong: later passes write nothing and report nothing', async () => {
    const [created] = await h.upstream.get('CIVICRM')!.create('PERSON', [samplePerson({ givenName: 'Katherine', familyName: 'Johnson', emails: [{ address: 'kj@example.org', primary: true, status: 'SUBSCRIBED' }] })]);
    await h.start();
    const unifiedId = h.gw.store.identity.find('CIVICRM', 'PERSON', (created as any).remoteId)!;
    const twins = h.twinsOf(unifiedId);
    await h.pass();
    const before = h.gw.gateway.changes.lastCursor;
    const writesBefore = writeRequests();

    await h.upstream.get('VTIGER')!.update('PERSON', [{ remoteId: twins.get('VTIGER')!, patch: { familyName: 'Goble' } }]);
    await h.pass();
    const writesAfterEdit = writeRequests();
    // The edit itself, and the sync's update of each of the other two CRMs.
    expect(writesAfterEdit - writesBefore).toBeGreaterThanOrEqual(3);
    const events = h.gw.gateway.changes.after(before, 100).filter((e) => e.id === unifiedId);
    expect(events.map((e) => [e.op, e.origin, e.changedFields])).toEqual([['UPDATED', 'VTIGER', ['familyName']]]);

    // The echoes come back on these passes; none is taken for a change.
    for (let i = 0; i < 3; i += 1) await h.pass();
    expect(writeRequests()).toBe(writesAfterEdit);
    expect(h.gw.gateway.changes.after(before, 100).filter((e) => e.id === unifiedId)).toHaveLength(1);
    for (const system of ['CIVICRM', 'ACTION_NETWORK', 'VTIGER'] as const) {
      expect((await personIn(system, twins.get(system)!))?.data.familyName).toBe('Goble');
    }
  });
});

/** Requests that change data upstream, across the three simulators. */
function writeRequests(): number {
  // CiviCRM writes travel as actions of the batch `calls` form, or as Entity/action paths.
  const civi = h.sims.civi.requests.entries.filter((r) => r.method === 'POST' && /"(create|update|save|delete|replace)"|\/(create|update|save|delete|replace)$/.test(`${decodeURIComponent(r.body)} ${r.path}`)).length;
  const an = h.sims.an.requests.entries.filter((r) => r.method !== 'GET').length;
  const vtiger = ['create', 'update', 'revise', 'delete'].reduce((sum, op) => sum + h.sims.vtiger.count(op), 0);
  return civi + an + vtiger;
}

describe('conflicts and deletions', () => {
  async function sharedPerson(givenName: string): Promise<{ unifiedId: string; twins: Map<System, string> }> {
    const email = `${givenName.toLowerCase()}@example.org`;
    const [created] = await h.upstream.get('CIVICRM')!.create('PERSON', [samplePerson({ givenName, familyName: 'Franklin', emails: [{ address: email, primary: true, status: 'SUBSCRIBED' }] })]);
    await h.start();
    const unifiedId = h.gw.store.identity.find('CIVICRM', 'PERSON', (created as any).remoteId)!;
    return { unifiedId, twins: h.twinsOf(unifiedId) };
  }

  it('records a field changed on both sides with both values, the winner (the later change) and the time, and converges on the winner', async () => {
    const { unifiedId, twins } = await sharedPerson('Rosalind');
    await h.upstream.get('CIVICRM')!.update('PERSON', [{ remoteId: twins.get('CIVICRM')!, patch: { familyName: 'Elsie' } }]);
    // Both CRMs stamp whole seconds: the Vtiger edit must be visibly later.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await h.upstream.get('VTIGER')!.update('PERSON', [{ remoteId: twins.get('VTIGER')!, patch: { familyName: 'Gosling' } }]);
    await h.pass();

    const [conflict, ...others] = h.gw.gateway.sync.conflicts();
    expect(others).toEqual([]);
    expect(conflict).toMatchObject({ entity: 'PERSON', unifiedId, field: 'familyName', winner: 'VTIGER', rule: 'LATER_MODIFICATION' });
    expect(conflict!.values.map((v) => [v.system, v.remoteId, v.value])).toEqual([
      ['CIVICRM', twins.get('CIVICRM'), 'Elsie'],
      ['VTIGER', twins.get('VTIGER'), 'Gosling'],
    ]);
    expect(conflict!.at.isValid).toBe(true);
    for (const system of ['CIVICRM', 'ACTION_NETWORK', 'VTIGER'] as const) {
      expect((await personIn(system, twins.get(system)!))?.data.familyName).toBe('Gosling');
    }
    const runs = h.gw.gateway.sync.runs().filter((r) => r.entity === 'PERSON').slice(0, 3);
    expect(runs.find((r) => r.system === 'VTIGER')?.counts.conflicts).toBe(1);
  });

  it('carries a CiviCRM deletion to the twins: deleted in Vtiger, unsubscribed in Action Network', async () => {
    const { unifiedId, twins } = await sharedPerson('Hedy');
    await h.upstream.get('CIVICRM')!.delete('PERSON', [twins.get('CIVICRM')!]);
    await h.pass();
    expect(await personIn('VTIGER', twins.get('VTIGER')!)).toBeNull();
    const an = await personIn('ACTION_NETWORK', twins.get('ACTION_NETWORK')!);
    expect(an?.data.emails.map((e) => e.status)).toEqual(['UNSUBSCRIBED']);
    expect(h.twinsOf(unifiedId).has('CIVICRM')).toBe(false);
    expect(h.twinsOf(unifiedId).has('VTIGER')).toBe(false);
    // The unsubscribe's echo is not carried anywhere: the twins it could go to are gone.
    await h.pass();
    expect(h.gw.gateway.outbox.list()).toEqual([]);
  });
});

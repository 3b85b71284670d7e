// The sync across entities over the three simulators: organizations and the people who belong to
// them keep their link in every CRM, donations flow into CiviCRM only, and with a schedule an
// upstream change reaches a change-feed listener within an interval without anyone asking.
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChangeEntry } from '../../src/events/change-log.js';
import type { System } from '../../src/model/system.js';
import { sampleOrganization, samplePerson } from '../support/sample-records.js';
import { openSyncHarness, type SyncHarness } from '../support/sync-harness.js';

let h: SyncHarness;

beforeEach(async () => {
  h = await openSyncHarness();
});
afterEach(async () => {
  await h.close();
});

async function created(system: System, result: Promise<{ ok: boolean }[]>): Promise<string> {
  const [outcome] = await result;
  if (!outcome?.ok) throw new Error(`${system} create failed: ${JSON.stringify(outcome)}`);
  return (outcome as unknown as { remoteId: string }).remoteId;
}

function linkIn(system: System, entity: 'PERSON' | 'ORGANIZATION' | 'DONATION', from: System, remoteId: string): string | undefined {
  const id = h.gw.store.identity.find(from, entity, remoteId);
  return h.gw.store.identity.get(id ?? '')?.links.find((l) => l.system === system)?.remoteId;
}

describe('sync across entities', () => {
  it('creates an organization and its member in the other CRM, the member pointing at the new organization there', async () => {
    const vtiger = h.upstream.get('VTIGER')!;
    const orgId = await created('VTIGER', vtiger.create('ORGANIZATION', [sampleOrganization({ name: 'Hypatia Institute', website: 'https://hypatia.example.org' })]));
    const personId = await created('VTIGER', vtiger.create('PERSON', [samplePerson({ givenName: 'Mary', familyName: 'Somerville', emails: [{ address: 'mary@example.org', primary: true, status: 'SUBSCRIBED' }], organizationRef: orgId })]));
    await h.start();
    const civiOrg = linkIn('CIVICRM', 'ORGANIZATION', 'VTIGER', orgId);
    const civiPerson = linkIn('CIVICRM', 'PERSON', 'VTIGER', personId);
    expect(civiOrg).toBeDefined();
    const [person] = await h.upstream.get('CIVICRM')!.load('PERSON', [civiPerson!]);
    expect(person?.data).toMatchObject({ givenName: 'Mary', organizationRef: civiOrg });
    // Action Network holds no organizations: the person goes there without one.
    expect(linkIn('ACTION_NETWORK', 'PERSON', 'VTIGER', personId)).toBeDefined();
    expect(linkIn('ACTION_NETWORK', 'ORGANIZATION', 'VTIGER', orgId)).toBeUndefined();
  });

  it('copies a donation made in Vtiger into CiviCRM only, for the donor there', async () => {
    const vtiger = h.upstream.get('VTIGER')!;
    const donor = await created('VTIGER', vtiger.create('PERSON', [samplePerson({ givenName: 'Ida', familyName: 'Wells', emails: [{ address: 'ida@example.org', primary: true, status: 'SUBSCRIBED' }] })]));
    const donation = await created(
      'VTIGER',
      vtiger.create('DONATION', [{ amount: { amount: '25.00', currency: 'USD' }, receivedAt: DateTime.fromISO('2026-11-01T12:00:00Z'), donorRef: donor, designations: [], recurring: false }]),
    );
    await h.start();
    const civiDonation = linkIn('CIVICRM', 'DONATION', 'VTIGER', donation);
    expect(civiDonation).toBeDefined();
    expect(linkIn('ACTION_NETWORK', 'DONATION', 'VTIGER', donation)).toBeUndefined();
    const [copy] = await h.upstream.get('CIVICRM')!.load('DONATION', [civiDonation!]);
    expect(copy?.data).toMatchObject({ amount: { amount: '25.00', currency: 'USD' }, donorRef: linkIn('CIVICRM', 'PERSON', 'VTIGER', donor) });
  });

  it('on a schedule, brings an upstream edit to change-feed listeners within an interval, with its origin', async () => {
    const personId = await created('CIVICRM', h.upstream.get('CIVICRM')!.create('PERSON', [samplePerson({ givenName: 'Lise', familyName: 'Meitner', emails: [{ address: 'lise@example.org', primary: true, status: 'SUBSCRIBED' }] })]));
    const gateway = await h.start({ syncIntervalMs: 200 });
    const heard: ChangeEntry[] = [];
    const stop = gateway.gateway.changes.subscribe((entry) => heard.push(entry));
    const vtigerId = linkIn('VTIGER', 'PERSON', 'CIVICRM', personId)!;
    await h.upstream.get('VTIGER')!.update('PERSON', [{ remoteId: vtigerId, patch: { familyName: 'Meitner-Frisch' } }]);
    await vi.waitFor(() => expect(heard.map((e) => [e.op, e.origin, e.changedFields])).toContainEqual(['UPDATED', 'VTIGER', ['familyName']]), { timeout: 5_000, interval: 20 });
    stop();
    await vi.waitFor(async () => {
      const [civi] = await h.upstream.get('CIVICRM')!.load('PERSON', [personId]);
      expect(civi?.data.familyName).toBe('Meitner-Frisch');
    }, { timeout: 5_000, interval: 50 });
  });

  it('runs only the scope asked for, and refuses an entity the CRM does not hold, naming the argument', async () => {
    const gateway = await h.start();
    const runs = await gateway.gateway.sync.run({ system: 'VTIGER', entity: 'PERSON' }, 'MANUAL');
    expect(runs.map((r) => [r.system, r.entity, r.trigger, r.outcome])).toEqual([['VTIGER', 'PERSON', 'MANUAL', 'SUCCEEDED']]);
    await expect(gateway.gateway.sync.run({ system: 'ACTION_NETWORK', entity: 'ORGANIZATION' }, 'MANUAL')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'entity',
      message: 'Argument "entity" must be one ACTION_NETWORK holds (PERSON, DONATION), but ACTION_NETWORK holds no organizations',
    });
  });
});

// The indexer's pulls reach the change log (origin: the CRM), once each even when a page is
// delivered twice, and a write through the gateway is reported once (origin null), not again by
// the pull that lists it afterwards.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STORE_NAMESPACES } from '../../src/store/keyv-backend.js';
import { MemoryConnector } from '../support/memory-connector.js';
import { samplePerson } from '../support/sample-records.js';
import { startTestGateway, type TestGateway } from '../support/test-gateway.js';

let civi: MemoryConnector;
let vtiger: MemoryConnector;
let gw: TestGateway;

beforeEach(async () => {
  civi = new MemoryConnector({ system: 'CIVICRM' });
  vtiger = new MemoryConnector({ system: 'VTIGER' });
  civi.seed('PERSON', samplePerson(), { remoteId: 'c1' });
  gw = await startTestGateway({ connectors: [civi, vtiger] });
});
afterEach(async () => {
  await gw.close();
});

const log = () => gw.gateway.changes.after(null, 1_000).map(({ entity, op, origin, changedFields }) => ({ entity, op, origin, changedFields }));

describe('changes pulled by the indexer', () => {
  it('reports a record seen for the first time as CREATED, an edit as UPDATED with the merged fields that changed, a deletion as DELETED', async () => {
    const [created] = gw.gateway.changes.after(null, 10);
    expect(created).toMatchObject({ entity: 'PERSON', op: 'CREATED', origin: 'CIVICRM', id: expect.stringMatching(/^per_/) });
    expect(created!.changedFields).toEqual(expect.arrayContaining(['givenName', 'familyName', 'emails', 'sources']));

    civi.edit('PERSON', 'c1', { familyName: 'King' });
    await gw.gateway.indexer.runOnce();
    const [, updated] = gw.gateway.changes.after(null, 10);
    expect(updated).toMatchObject({ id: created!.id, op: 'UPDATED', origin: 'CIVICRM', changedFields: ['familyName'] });

    civi.remove('PERSON', 'c1');
    await gw.gateway.indexer.runOnce();
    expect(gw.gateway.changes.after(updated!.cursor, 10)).toMatchObject([{ id: created!.id, op: 'DELETED', origin: 'CIVICRM', changedFields: [] }]);
  });

  it('reports a twin linked to a known person as UPDATED with its sources, and its deletion as UPDATED', async () => {
    vtiger.seed('PERSON', samplePerson({ phones: [] }), { remoteId: 'v1' });
    await gw.gateway.indexer.runOnce();
    const [created, linked] = gw.gateway.changes.after(null, 10);
    expect(linked).toMatchObject({ id: created!.id, op: 'UPDATED', origin: 'VTIGER', changedFields: ['sources'] });

    vtiger.remove('PERSON', 'v1');
    await gw.gateway.indexer.runOnce();
    expect(gw.gateway.changes.after(linked!.cursor, 10)).toMatchObject([{ id: created!.id, op: 'UPDATED', origin: 'VTIGER', changedFields: ['sources'] }]);
  });

  it('adds nothing when a page is delivered again after a failure', async () => {
    civi.edit('PERSON', 'c1', { givenName: 'Augusta' });
    // A listener after the change log's fails the page once: nothing is cached, the cursor stays,
    // and the next run lists (and reports) the same page again.
    let failures = 1;
    const remove = gw.gateway.indexer.onPage(() => {
      if (failures-- > 0) throw new Error('crash between the listeners and the commit');
    });
    const failed = await gw.gateway.indexer.runOnce();
    expect(failed.connectors.find((c) => c.system === 'CIVICRM')?.ok).toBe(false);
    expect(log()).toEqual([
      expect.objectContaining({ op: 'CREATED' }),
      { entity: 'PERSON', op: 'UPDATED', origin: 'CIVICRM', changedFields: ['givenName'] },
    ]);
    const replayed = await gw.gateway.indexer.runOnce();
    remove();
    expect(replayed.connectors.find((c) => c.system === 'CIVICRM')).toMatchObject({ ok: true, counts: { changed: 1 } });
    expect(log()).toHaveLength(2);
  });

  it('reports a write through the gateway once, with origin null, and not again when the indexer lists it', async () => {
    const res = await gw.query(`mutation { createPerson(input: { givenName: "Grace", familyName: "Hopper", emails: [{ address: "grace@example.org" }] }) { person { id } } }`);
    expect(res.errors).toBeUndefined();
    const id = res.data!.createPerson.person.id as string;
    const update = await gw.query(`mutation($id: ID!) { updatePerson(id: $id, input: { familyName: "Murray" }) { person { id } } }`, { id });
    expect(update.errors).toBeUndefined();
    const before = gw.gateway.changes.after(null, 100);
    expect(before.filter((e) => e.id === id)).toMatchObject([
      { op: 'CREATED', origin: null },
      { op: 'UPDATED', origin: null, changedFields: ['familyName'] },
    ]);
    const run = await gw.gateway.indexer.runOnce();
    expect(run.connectors.every((c) => c.ok)).toBe(true);
    expect(gw.gateway.changes.after(null, 100)).toEqual(before);
  });

  it('prunes changes past CHANGELOG_RETENTION while running, from memory and from the store', async () => {
    await gw.close();
    gw = await startTestGateway({ connectors: [civi, vtiger], changelogRetentionMs: 1_000 });
    civi.edit('PERSON', 'c1', { familyName: 'King' });
    await gw.gateway.indexer.runOnce();
    const [oldest, newest] = gw.gateway.changes.after(null, 10);
    expect(newest).toBeDefined();
    await vi.waitFor(() => expect(gw.gateway.changes.size).toBe(1), { timeout: 5_000, interval: 100 });
    expect(gw.gateway.changes.after(oldest!.cursor, 10)).toEqual([newest]);
    expect(await gw.store.keyv(STORE_NAMESPACES.changelog).get(oldest!.cursor)).toBeUndefined();
  });
});

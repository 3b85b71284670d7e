// Incremental listing through the connector: sync paging and deletions, the VTQL fallback when sync
// answers HTTP 500 (Vtiger 8.2 on PHP 8), ties across page boundaries, resumes and id-set deletions.
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangePage } from '../connector.js';
import type { VtigerConnector } from './connector.js';
import { seedContacts } from './simulator/bulk-seed.js';
import { startVtigerSimulator, type VtigerSimulator, type VtigerSimulatorOptions } from './simulator/server.js';
import { simulatorConnector } from './test-setup.js';

const BASE = Date.UTC(2026, 0, 5, 9);
let running: { sim: VtigerSimulator; connector: VtigerConnector } | undefined;
afterEach(async () => {
  await running?.connector.close();
  await running?.sim.close();
  running = undefined;
});

/** A simulator whose clock (and the connector's) the test moves by hand. */
async function setup(options: VtigerSimulatorOptions, deletionScanIntervalMs = 60_000) {
  const clock = { now: BASE + 3_600_000 };
  const sim = await startVtigerSimulator({ now: () => clock.now, ...options });
  const connector = simulatorConnector(sim, { deletionScanIntervalMs }, () => clock.now);
  running = { sim, connector };
  return { sim, connector, clock };
}

async function list(connector: VtigerConnector, cursor: string | null): Promise<ChangePage<'PERSON'>[]> {
  const pages: ChangePage<'PERSON'>[] = [];
  for await (const page of connector.listChanged('PERSON', cursor)) pages.push(page);
  return pages;
}

const ids = (pages: ChangePage<'PERSON'>[]) => pages.flatMap((p) => p.records.map((r) => r.remoteId));
const lastCursor = (pages: ChangePage<'PERSON'>[]) => pages.at(-1)?.cursor ?? null;

describe('with sync', () => {
  it('follows sync pages to the end, then resumes with only what changed and the deleted ids', async () => {
    const { sim, connector, clock } = await setup({ seed: (store) => seedContacts(store, 250, { at: (i) => BASE + i * 1000 }) });
    const first = await list(connector, null);
    expect(ids(first)).toHaveLength(250);
    expect(new Set(ids(first)).size).toBe(250);
    expect(first.map((p) => p.records.length)).toEqual([100, 100, 50]);
    expect([sim.count('sync'), sim.count('query'), connector.usingQueryFallback]).toEqual([3, 0, false]);

    clock.now += 10 * 60_000;
    await connector.update('PERSON', [{ remoteId: '12x7', patch: { givenName: 'Changed' } }]);
    await connector.delete('PERSON', ['12x8']);
    const second = await list(connector, lastCursor(first));
    expect(ids(second)).toEqual(['12x7']);
    expect(second.flatMap((p) => p.deletedIds)).toEqual(['12x8']);
    expect(second.flatMap((p) => p.records)[0]?.data.givenName).toBe('Changed');
  });

  it.each([99, 100, 101, 250])('lists exactly %i rows with sync, each once and in order', async (n) => {
    const { sim, connector } = await setup({ seed: (store) => seedContacts(store, n, { at: (i) => BASE + i * 1000 }) });
    const pages = await list(connector, null);
    expect(ids(pages)).toEqual(Array.from({ length: n }, (_, i) => `12x${i + 1}`));
    expect([sim.count('sync'), sim.count('query')]).toEqual([Math.ceil(n / 100), 0]);
  });

  it('asks again for a second that was still running when the cursor was taken', async () => {
    const { connector, clock } = await setup({ seed: (store) => seedContacts(store, 3) });
    const first = await list(connector, null);
    expect(ids(first)).toHaveLength(3);
    // Same clock second as the last listed record: a strict "after" would never see this change.
    await connector.update('PERSON', [{ remoteId: '12x1', patch: { givenName: 'Same second' } }]);
    clock.now += 1000;
    const again = await list(connector, lastCursor(first));
    expect(ids(again)).toContain('12x1');
    expect(again.flatMap((p) => p.records).find((r) => r.remoteId === '12x1')?.data.givenName).toBe('Same second');
  });

  it('stops with UPSTREAM_REJECTED when sync says more but does not move lastModifiedTime (no endless walk)', async () => {
    const { sim, connector } = await setup({ seed: (store) => seedContacts(store, 3) });
    sim.faults.inject({
      kind: 'status',
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ success: true, result: { updated: [], deleted: [], more: true, lastModifiedTime: 1 } }),
      match: (r) => r.query.get('operation') === 'sync',
      times: Infinity,
    });
    let pages = 0;
    const walk = (async () => {
      // Bounded here so that, were the guard missing, the test fails instead of hanging.
      for await (const _page of connector.listChanged('PERSON', null)) if (++pages >= 20) break;
    })();
    await expect(walk).rejects.toMatchObject({ code: 'UPSTREAM_REJECTED', system: 'VTIGER' });
    expect(sim.count('sync')).toBe(1);
  });
});

describe('with sync broken (HTTP 500, as on PHP 8)', () => {
  it('detects the breakage once and pages with VTQL: 250 rows in 3 queries', async () => {
    const { sim, connector } = await setup({ syncBroken: true, seed: (store) => seedContacts(store, 250, { at: (i) => BASE + i * 1000 }) });
    const first = await list(connector, null);
    expect(ids(first)).toEqual(Array.from({ length: 250 }, (_, i) => `12x${i + 1}`));
    expect([sim.count('query'), connector.usingQueryFallback]).toEqual([3, true]);
    const syncCalls = sim.count('sync');
    await list(connector, null);
    expect(sim.count('sync')).toBe(syncCalls);
    expect(sim.requests.entries.find((r) => r.query.get('operation') === 'query')?.query.get('query')).toBe(
      'SELECT * FROM Contacts ORDER BY modifiedtime, id LIMIT 100;',
    );
  });

  it.each([99, 100, 101, 250])('lists exactly %i rows, each once and in order, in ⌊n/100⌋ + 1 queries', async (n) => {
    const { sim, connector } = await setup({ syncBroken: true, seed: (store) => seedContacts(store, n, { at: (i) => BASE + i * 1000 }) });
    const pages = await list(connector, null);
    expect(ids(pages)).toEqual(Array.from({ length: n }, (_, i) => `12x${i + 1}`));
    expect(sim.count('query')).toBe(Math.floor(n / 100) + 1);
  });

  it('neither skips nor repeats records sharing one modifiedtime across page boundaries', async () => {
    // 95 distinct seconds, then 60 rows in one second (crossing rows 100 and 150), then 50 more.
    const at = (i: number) => BASE + (i < 95 ? i : i < 155 ? 95 : i - 59) * 1000;
    const { sim, connector } = await setup({ syncBroken: true, seed: (store) => seedContacts(store, 205, { at }) });
    const pages = await list(connector, null);
    expect(pages.map((p) => p.records.length)).toEqual([100, 100, 5]);
    expect(ids(pages)).toEqual(Array.from({ length: 205 }, (_, i) => `12x${i + 1}`));
    expect(sim.count('query')).toBe(3);
  });

  it('resumes from a settled cursor with only the changed rows, newest last', async () => {
    const { connector, clock, sim } = await setup({ syncBroken: true, seed: (store) => seedContacts(store, 120, { at: (i) => BASE + i * 1000 }) }, 3_600_000);
    const first = await list(connector, null);
    clock.now += 10 * 60_000;
    await connector.update('PERSON', [{ remoteId: '12x50', patch: { familyName: 'Later' } }]);
    clock.now += 1000;
    await connector.update('PERSON', [{ remoteId: '12x10', patch: { familyName: 'Latest' } }]);
    sim.requests.clear();
    const second = await list(connector, lastCursor(first));
    expect(ids(second)).toEqual(['12x50', '12x10']);
    expect(sim.count('query')).toBe(1);
  });

  it('re-reads an unsettled second on resume, so a same-second change with a smaller id is seen', async () => {
    const { connector, clock } = await setup({ syncBroken: true, seed: (store) => seedContacts(store, 5) });
    const first = await list(connector, null);
    await connector.update('PERSON', [{ remoteId: '12x2', patch: { givenName: 'Same second' } }]);
    clock.now += 1000;
    const again = await list(connector, lastCursor(first));
    expect(ids(again)).toContain('12x2');
  });

  it('finds deletions by an id-set difference, no more often than the scan interval', async () => {
    const { sim, connector, clock } = await setup({ syncBroken: true, seed: (store) => seedContacts(store, 130, { at: (i) => BASE + i * 1000 }) }, 60_000);
    const first = await list(connector, null);
    clock.now += 10_000;
    await connector.delete('PERSON', ['12x3', '12x120']);
    const early = await list(connector, lastCursor(first));
    expect(early.flatMap((p) => p.deletedIds)).toEqual([]);
    clock.now += 60_000;
    sim.requests.clear();
    const due = await list(connector, lastCursor(early) ?? lastCursor(first));
    expect(due.flatMap((p) => p.deletedIds).sort()).toEqual(['12x120', '12x3']);
    // One listing query, two scan pages (128 ids), one query confirming the two candidates gone.
    expect(sim.count('query')).toBe(4);
    clock.now += 61_000;
    const later = await list(connector, lastCursor(due));
    expect(later.flatMap((p) => p.deletedIds)).toEqual([]);
  });

  it('starts a VTQL listing over when a stored sync cursor meets a server whose sync broke', async () => {
    const { sim, connector } = await setup({ seed: (store) => seedContacts(store, 3) });
    const first = await list(connector, null);
    sim.syncBroken = true;
    const again = await list(connector, lastCursor(first));
    expect(ids(again)).toEqual(['12x1', '12x2', '12x3']);
    expect(connector.usingQueryFallback).toBe(true);
  });
});

describe('cursor', () => {
  it('refuses a cursor it did not issue, naming the argument', async () => {
    const { connector } = await setup({});
    await expect(list(connector, 'not-a-cursor')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', argument: 'cursor' });
  });
});

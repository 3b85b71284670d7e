// The conformance suite every CRM connector passes against its own simulator over real HTTP.
//
// A connector plugs in by calling, from its own `*.conformance.test.ts`:
//
//     describeConnectorConformance('CiviCRM', harness);
//
// where `harness.start()` boots the CRM's simulator on an ephemeral loopback port and returns a
// ConformanceEnv (conformance-harness.ts). The suite only speaks the Connector contract, plus the simulator kit's
// FaultInjector and RequestLog, so nothing in it is particular to one CRM. What differs between
// CRMs is supplied by the harness:
//   - `pageSize`: records per listChanged page (the CRM's page cap, or the page size the harness
//     configured); the suite seeds more than two pages' worth to see the listing page past it;
//   - `timeoutMs`: the connector's HTTP timeout; configure it short (a few hundred ms), with few,
//     fast retries (3 attempts are enough for the suite), because the suite provokes a timeout on
//     every attempt of a read;
//   - `seedMany(entity, n)`: n records created straight in the simulator (not through the
//     connector), returning their remote ids in creation order; give them distinct, increasing
//     change times (e.g. a second apart), so resuming a listing from a cursor can be told apart
//     from listing everything again;
//   - `sample(entity, refs)`: a unified record using every field in `capabilities[entity].fields`,
//     with values the CRM can hold exactly (the round trip compares them field by field); refs
//     holds remote ids of records created earlier in the run (ORGANIZATION before PERSON before
//     DONATION) for fields such as organizationRef and donorRef;
//   - `unknownId(entity)`: a well-formed remote id that names no record.
// Every entity whose capabilities are non-null is exercised according to what it can do.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Connector, EntityCapabilities } from '../../connectors/connector.js';
import type { RemoteRecord } from '../../src/model/remote-record.js';
import { ENTITY_DEPENDENCY_ORDER, type EntityType } from '../../src/model/system.js';
import type { ConformanceEnv, ConformanceHarness, SampleRefs } from './conformance-harness.js';

// The suite's public surface: its entry point and the harness types a connector implements.
export type { ConformanceEnv, ConformanceHarness, SampleRefs };

/** Values compared the way a client sees them: DateTimes as ISO instants. */
function comparable(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null));
}

function picked(data: object, fields: readonly string[]): Record<string, unknown> {
  const record = data as Record<string, unknown>;
  return Object.fromEntries(fields.map((field) => [field, comparable(record[field])]));
}

async function collect<E extends EntityType>(connector: Connector, entity: E, cursor: string | null) {
  const pages = [];
  for await (const page of connector.listChanged(entity, cursor)) pages.push(page);
  return pages;
}

export function describeConnectorConformance(name: string, harness: ConformanceHarness): void {
  describe(`${name} connector conformance`, () => {
    let env: ConformanceEnv;
    const entities = () => ENTITY_DEPENDENCY_ORDER.filter((e) => env.connector.capabilities[e] !== null);
    const caps = <E extends EntityType>(entity: E) => env.connector.capabilities[entity] as EntityCapabilities<E>;
    /** The entity the cross-cutting tests use: people when the CRM lists them. */
    const main = () => entities().find((e) => caps(e).list && caps(e).read) ?? 'PERSON';

    beforeAll(async () => {
      env = await harness.start();
    });
    afterAll(async () => {
      await env?.stop();
    });
    beforeEach(() => {
      env.faults.clear();
      env.requests.clear();
    });

    it('lists changes page by page past the page size, oldest first, resuming from a cursor', async () => {
      const entity = main();
      const seeded = await env.seedMany(entity, env.pageSize * 2 + 3);
      const pages = await collect(env.connector, entity, null);
      expect(pages.length).toBeGreaterThanOrEqual(3);
      for (const page of pages) expect(page.records.length).toBeLessThanOrEqual(env.pageSize);
      const listed = new Set(pages.flatMap((page) => page.records.map((r) => r.remoteId)));
      for (const id of seeded) expect(listed).toContain(id);
      const lastCursor = pages.at(-1)?.cursor ?? null;
      expect(typeof lastCursor).toBe('string');
      // Resuming from the last cursor may repeat what changed in that last instant, nothing older.
      const newest = Math.max(...pages.flatMap((page) => page.records.map((r) => r.modifiedAt?.toMillis() ?? 0)));
      const again = (await collect(env.connector, entity, lastCursor)).flatMap((page) => page.records);
      expect(again.length).toBeLessThan(seeded.length);
      for (const record of again) expect(record.modifiedAt?.toMillis() ?? newest).toBeGreaterThanOrEqual(newest);
    });

    it('loads a batch in key order, with null for unknown ids and repeated ids answered twice', async () => {
      for (const entity of entities().filter((e) => caps(e).read)) {
        const [a, b, c] = await env.seedMany(entity, 3);
        const keys = [c, env.unknownId(entity), a, b, c] as string[];
        const records = await env.connector.load(entity, keys);
        expect(records.map((r) => r?.remoteId ?? null)).toEqual([c, null, a, b, c]);
        for (const record of records) if (record) expect(record).toMatchObject({ system: env.connector.system, entity });
      }
    });

    it('answers updates and deletes of unknown ids with a NOT_FOUND outcome, not a throw', async () => {
      for (const entity of entities()) {
        const unknown = env.unknownId(entity);
        if (caps(entity).update) {
          const [outcome] = await env.connector.update(entity, [{ remoteId: unknown, patch: {} }]);
          expect(outcome).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
        }
        if (caps(entity).delete === 'DELETE') {
          const [outcome] = await env.connector.delete(entity, [unknown]);
          expect(outcome).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
        }
      }
    });

    it('reports an item that breaks the connector as an INTERNAL outcome that does not quote the failure', async () => {
      const entity = main();
      if (!caps(entity).create) return;
      // Not valid input: the simplest way to make a connector throw something other than a GatewayError.
      const [outcome] = await env.connector.create(entity, [null as never]);
      expect(outcome).toMatchObject({
        ok: false,
        error: { code: 'INTERNAL', system: env.connector.system, message: `${env.connector.system} write failed unexpectedly` },
      });
    });

    it('reports rejected credentials as UPSTREAM_AUTH from load and health', async () => {
      const entity = main();
      const [id] = await env.seedMany(entity, 1);
      await expect(env.badCredentialsConnector.load(entity, [id as string])).rejects.toMatchObject({ code: 'UPSTREAM_AUTH', system: env.connector.system });
      await expect(env.badCredentialsConnector.health()).rejects.toMatchObject({ code: 'UPSTREAM_AUTH' });
    });

    it('retries a read answered 429 and then succeeds', async () => {
      const entity = main();
      const [id] = await env.seedMany(entity, 1);
      env.requests.clear();
      env.faults.inject({ kind: 'status', status: 429, headers: { 'retry-after': '0' } });
      const [record] = await env.connector.load(entity, [id as string]);
      expect(record?.remoteId).toBe(id);
      expect(env.faults.pending).toBe(0);
      expect(env.requests.count()).toBeGreaterThanOrEqual(2);
    });

    it('retries a read answered 5xx and then succeeds', async () => {
      const entity = main();
      const [id] = await env.seedMany(entity, 1);
      env.requests.clear();
      env.faults.inject({ kind: 'status', status: 503, body: 'upstream connect error' });
      env.faults.inject({ kind: 'status', status: 502 });
      const [record] = await env.connector.load(entity, [id as string]);
      expect(record?.remoteId).toBe(id);
      expect(env.faults.pending).toBe(0);
      await expect(env.connector.health()).resolves.toBeUndefined();
    });

    it('gives up on a CRM slower than the timeout with UPSTREAM_UNAVAILABLE', async () => {
      // undici checks header timeouts on a ~0.5 s tick, so the delay must clear that too.
      env.faults.inject({ kind: 'latency', ms: env.timeoutMs + 1500, times: Infinity });
      await expect(env.connector.health()).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', system: env.connector.system, retryable: true });
      env.faults.clear();
      await expect(env.connector.health()).resolves.toBeUndefined();
    });

    it('round-trips every field it claims to hold: create, load back, compare', async () => {
      const refs: SampleRefs = {};
      for (const entity of entities().filter((e) => caps(e).create && caps(e).read)) {
        const sample = env.sample(entity, refs);
        const [outcome] = await env.connector.create(entity, [sample]);
        expect(outcome, `${entity} create`).toMatchObject({ ok: true, status: 'CREATED' });
        if (!outcome?.ok) continue;
        refs[entity] = outcome.remoteId;
        const [loaded] = await env.connector.load(entity, [outcome.remoteId]);
        const fields = caps(entity).fields;
        expect(fields.length).toBeGreaterThan(0);
        expect(loaded, `${entity} ${outcome.remoteId} loads back`).not.toBeNull();
        expect(picked((loaded as RemoteRecord).data, fields), `${entity} loaded back`).toEqual(picked(sample, fields));
        if (outcome.record) expect(picked(outcome.record.data, fields), `${entity} create result`).toEqual(picked(sample, fields));
      }
    });

    it('deletes what it created: the record then loads as null', async () => {
      const refs: SampleRefs = {};
      for (const entity of entities().filter((e) => caps(e).create)) {
        const [created] = await env.connector.create(entity, [env.sample(entity, refs)]);
        if (!created?.ok) throw created?.error;
        refs[entity] = created.remoteId;
      }
      for (const entity of [...entities()].reverse().filter((e) => caps(e).delete === 'DELETE' && refs[e])) {
        const id = refs[entity] as string;
        const [outcome] = await env.connector.delete(entity, [id]);
        expect(outcome).toMatchObject({ ok: true, status: 'DELETED', remoteId: id });
        expect(await env.connector.load(entity, [id])).toEqual([null]);
      }
    });
  });
}

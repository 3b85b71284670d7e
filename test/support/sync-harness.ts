// The three simulators, a connector per CRM standing in for its own users (they edit upstream,
// behind the gateway's back), and a gateway that syncs them with the default policy: what the
// sync's end-to-end tests share.
import { expect, vi } from 'vitest';
import type { Connector } from '../../connectors/connector.js';
import type { System } from '../../src/model/system.js';
import { DEFAULT_SYNC_POLICY } from '../../src/sync/sync-policy.js';
import { startCrmSimulators, type CrmSimulators } from './crm-simulators.js';
import { startTestGateway, type TestGateway } from './test-gateway.js';

export interface SyncHarness {
  sims: CrmSimulators;
  upstream: ReadonlyMap<System, Connector>;
  /** The running gateway; start() first. */
  readonly gw: TestGateway;
  /** Starts the gateway on `systems` (default all three) and waits until the start pass's writes are delivered. */
  start(options?: { systems?: readonly System[]; syncIntervalMs?: number }): Promise<TestGateway>;
  /** Waits until the outbox has delivered everything queued, and nothing was refused. */
  delivered(): Promise<void>;
  /** One pass over every CRM and entity, then its writes. */
  pass(): Promise<void>;
  /** The unified id's records, per CRM. */
  twinsOf(unifiedId: string): Map<System, string>;
  close(): Promise<void>;
}

export async function openSyncHarness(): Promise<SyncHarness> {
  const sims = await startCrmSimulators();
  const upstream = new Map(sims.connectors().map((c) => [c.system, c]));
  let gateway: TestGateway | null = null;
  const harness: SyncHarness = {
    sims,
    upstream,
    get gw() {
      if (!gateway) throw new Error('start the gateway first');
      return gateway;
    },
    async start({ systems, syncIntervalMs = 0 } = {}) {
      const connectors = sims.connectors();
      const synced = connectors.filter((c) => !systems || systems.includes(c.system));
      await Promise.all(connectors.filter((c) => !synced.includes(c)).map((c) => c.close()));
      gateway = await startTestGateway({ connectors: synced, syncPolicy: DEFAULT_SYNC_POLICY, syncIntervalMs, writes: { backoff: { baseDelayMs: 10, maxDelayMs: 50 } } });
      await harness.delivered();
      return gateway;
    },
    async delivered() {
      await vi.waitFor(() => expect(harness.gw.gateway.outbox.list().map((e) => `${e.status} ${e.op} ${e.system} ${e.lastError ?? ''}`)).toEqual([]), { timeout: 10_000, interval: 20 });
    },
    async pass() {
      await harness.gw.gateway.sync.run({}, 'MANUAL');
      await harness.delivered();
    },
    twinsOf(unifiedId) {
      return new Map((harness.gw.store.identity.get(unifiedId)?.links ?? []).map((l) => [l.system, l.remoteId]));
    },
    async close() {
      await gateway?.close();
      await Promise.all([...upstream.values()].map((c) => c.close()));
      await sims.close();
    },
  };
  return harness;
}

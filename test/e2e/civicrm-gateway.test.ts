// The gateway started from environment variables against a CiviCRM simulator, as a user would
// point it at a real CiviCRM: request counts measured at the simulator, and upstream failure.
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCiviCrmSimulator, type CiviCrmSimulator } from '../../connectors/civicrm/simulator/civicrm-simulator.js';
import { seedDemoData } from '../../connectors/civicrm/simulator/seed.js';
import { createLogger } from '../../src/logger.js';
import { startFromEnv, type RunningGateway } from '../../src/startup.js';

async function gql(url: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return res.body.json();
}

describe('gateway over the CiviCRM simulator', () => {
  let sim: CiviCrmSimulator;
  let running: RunningGateway;
  let url: string;

  beforeAll(async () => {
    sim = await startCiviCrmSimulator({
      timeZone: 'America/New_York',
      seed: (db) => {
        seedDemoData(db);
        for (let i = 0; i < 20; i++) {
          const id = db.insert('Contact', { contact_type: 'Individual', first_name: `Extra${i}`, last_name: 'Person', employer_id: 1 + (i % 8) }).id;
          db.insert('Contribution', { contact_id: id, total_amount: 5 + i, financial_type_id: 1, receive_date: '2026-05-01 10:00:00' });
        }
      },
    });
    running = await startFromEnv(
      { PORT: '0', STORE_URL: 'memory://', SYNC_INTERVAL_MS: '0', CIVICRM_URL: sim.url, CIVICRM_API_KEY: sim.apiKey, CIVICRM_TIMEZONE: 'America/New_York' },
      { logger: createLogger('silent') },
    );
    url = running.gateway.url;
    await running.gateway.indexer.whenReady();
  });
  afterAll(async () => {
    await running.close();
    await sim.close();
  });

  it('runs no demo when a CRM is configured', () => {
    expect(running.demo.size).toBe(0);
  });

  it('answers people(first: 50) with organizations and donations in one upstream request per entity', async () => {
    sim.requests.clear();
    const res = await gql(url, `{ people(first: 50) { totalCount edges { node { displayName organization { name } donations { totalCount edges { node { amount { amount currency } } } } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.people.edges).toHaveLength(50);
    expect(res.data.people.edges.filter((e: any) => e.node.organization !== null).length).toBeGreaterThan(20);
    expect(res.data.people.edges.some((e: any) => e.node.donations.edges.length > 0)).toBe(true);
    // One batched request each for the people, their organizations and their donations.
    expect(sim.requests.count()).toBe(3);
  });

  it('converts the site-local dates of the CRM to UTC', async () => {
    const res = await gql(url, `{ people(first: 1, filter: { name: "Extra0 " }) { edges { node { donations { edges { node { receivedAt } } } } } } }`);
    expect(res.data.people.edges[0].node.donations.edges[0].node.receivedAt).toBe('2026-05-01T14:00:00.000Z');
  });

  it('serves the last indexed copy with an UPSTREAM_UNAVAILABLE error when CiviCRM fails, and recovers', async () => {
    sim.faults.inject({ kind: 'status', status: 503, times: Infinity });
    try {
      const res = await gql(url, `{ people(first: 3) { edges { node { displayName sources { system } } } } }`);
      expect(res.data.people.edges).toHaveLength(3);
      expect(res.errors).toHaveLength(1);
      expect(res.errors[0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', system: 'CIVICRM' });
      expect(JSON.stringify(res)).not.toContain(sim.apiKey);
    } finally {
      sim.faults.clear();
    }
    const healthy = await gql(url, `{ people(first: 3) { edges { node { displayName } } } }`);
    expect(healthy.errors).toBeUndefined();
  });

  it('reports an unreachable CRM in readyz and stays up', async () => {
    sim.faults.inject({ kind: 'status', status: 503, times: Infinity });
    try {
      // Readiness probes are cached briefly; wait the cache out.
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      const res = await request(url.replace(/graphql$/, 'readyz'));
      const body = (await res.body.json()) as any;
      expect(res.statusCode).toBe(503);
      expect(body.connectors[0]).toMatchObject({ system: 'CIVICRM', reachable: false, indexed: true });
    } finally {
      sim.faults.clear();
    }
  });
});

// `npm run bench`: the gateway's read path against the CiviCRM simulator.
//  1. upstream requests for people(first: 50) with each person's organization and donations
//  2. gateway overhead (latency minus time waiting on the CRM) for person(id), p50 and p99
//  3. requests/s for a cached person(id) at 50 concurrent clients, next to bare Apollo Server
//  4. RSS before and after 20,000 requests
import autocannon from 'autocannon';
import { request } from 'undici';
import { CiviCrmConnector } from '../../connectors/civicrm/connector.js';
import { readCiviCrmConfig, type CiviCrmConfig } from '../../connectors/civicrm/config.js';
import { startCiviCrmSimulator } from '../../connectors/civicrm/simulator/civicrm-simulator.js';
import { seedDemoData } from '../../connectors/civicrm/simulator/seed.js';
import { Gateway } from '../../src/gateway.js';
import { createLogger } from '../../src/logger.js';
import { openStore } from '../../src/store/open-store.js';
import { startBareApollo } from './bare-apollo.js';
import { TimedConnector } from './timed-connector.js';

const EXTRA_PEOPLE = 40;
const LATENCY_SAMPLES = 2_000;
const CONCURRENCY = 50;
const RSS_REQUESTS = 20_000;

const NESTED = `{ people(first: 50) { edges { node { displayName organization { name } donations { edges { node { amount { amount currency } } } } } } } }`;
const PERSON = `query($id: ID!) { person(id: $id) { id displayName emails { address } } }`;

async function gql(url: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return res.body.json();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function startGateway(config: CiviCrmConfig, readMaxAgeMs: number) {
  const connector = new TimedConnector(new CiviCrmConnector(config));
  const gateway = await Gateway.start({
    host: '127.0.0.1',
    port: 0,
    apiKeys: [],
    syncIntervalMs: 0,
    readMaxAgeMs: new Map([['CIVICRM', readMaxAgeMs]]),
    store: await openStore('memory://'),
    connectors: [connector],
    logger: createLogger('silent'),
  });
  await gateway.indexer.whenReady();
  return { gateway, connector };
}

function load(url: string, body: string, amount: number) {
  return autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: CONCURRENCY,
    amount,
    workers: 1, // the load generator gets its own thread, i.e. the second core
  });
}

const sim = await startCiviCrmSimulator({
  seed: (db) => {
    seedDemoData(db);
    for (let i = 0; i < EXTRA_PEOPLE; i++) {
      const id = db.insert('Contact', { contact_type: 'Individual', first_name: `Bench${i}`, last_name: 'Person', employer_id: 1 + (i % 8) }).id;
      db.insert('Email', { contact_id: id, email: `bench${i}@example.org`, is_primary: true });
      for (let k = 0; k < 2; k++) db.insert('Contribution', { contact_id: id, total_amount: 10 + k, financial_type_id: 1, receive_date: '2026-05-01 10:00:00' });
    }
  },
});
const config = readCiviCrmConfig({ CIVICRM_URL: sim.url, CIVICRM_API_KEY: sim.apiKey })!;

// 1 + 2: fresh reads (READ_MAX_AGE_MS = 0)
{
  const { gateway, connector } = await startGateway(config, 0);
  sim.requests.clear();
  const nested = await gql(gateway.url, NESTED);
  console.log(`nested people(first: 50) query: ${nested.data.people.edges.length} people, ${sim.requests.count()} upstream requests to CIVICRM (target <= 3)`);

  const ids: string[] = (await gql(gateway.url, `{ people(first: 50) { edges { node { id } } } }`)).data.people.edges.map((e: any) => e.node.id);
  const overheads: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    connector.reset();
    const started = performance.now();
    await gql(gateway.url, PERSON, { id: ids[i % ids.length] });
    overheads.push(performance.now() - started - connector.loadMs);
  }
  overheads.sort((a, b) => a - b);
  console.log(`gateway overhead for person(id) over ${LATENCY_SAMPLES} requests: p50 ${percentile(overheads, 50).toFixed(2)} ms, p99 ${percentile(overheads, 99).toFixed(2)} ms (target p50 <= 2 ms)`);
  await gateway.close();
}

// 3 + 4: cached reads, throughput and memory
{
  const { gateway } = await startGateway(config, 24 * 3600_000);
  const id = (await gql(gateway.url, `{ people(first: 1) { edges { node { id } } } }`)).data.people.edges[0].node.id;
  const body = JSON.stringify({ query: PERSON, variables: { id } });
  await load(gateway.url, body, 2_000); // warm-up
  const ours = await load(gateway.url, body, 20_000);
  const bare = await startBareApollo();
  await load(bare.url, body, 2_000);
  const baseline = await load(bare.url, body, 20_000);
  await bare.close();
  const share = (100 * ours.requests.average) / baseline.requests.average;
  console.log(`cached person(id) at ${CONCURRENCY} clients: gateway ${ours.requests.average.toFixed(0)} req/s, bare Apollo ${baseline.requests.average.toFixed(0)} req/s = ${share.toFixed(0)} % (target >= 50 %); errors ${ours.errors + ours.non2xx}`);

  global.gc?.();
  const before = process.memoryUsage().rss;
  await load(gateway.url, body, RSS_REQUESTS);
  global.gc?.();
  const after = process.memoryUsage().rss;
  const growth = (100 * (after - before)) / before;
  console.log(`RSS before ${(before / 2 ** 20).toFixed(1)} MiB, after ${RSS_REQUESTS} requests ${(after / 2 ** 20).toFixed(1)} MiB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} %, target <= 10 %)`);
  await gateway.close();
}
await sim.close();

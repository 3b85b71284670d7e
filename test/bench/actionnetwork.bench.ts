// Benchmark: indexing 2,500 Action Network people from the simulator, at the documented 4 requests/s
// and at 200 requests/s, reporting the achieved request rate as a share of the limit and the 429s.
import { ActionNetworkConnector } from '../../connectors/actionnetwork/connector.js';
import { seedBulkPeople } from '../../connectors/actionnetwork/simulator/bulk-seed.js';
import { startActionNetworkSimulator } from '../../connectors/actionnetwork/simulator/server.js';

const PEOPLE = 2_500;

interface Figures {
  limit: number;
  records: number;
  requests: number;
  rejected: number;
  peakPerSecond: number;
  seconds: number;
  /** Requests per second between the first and the last request the server accepted. */
  achievedRate: number;
}

async function indexAt(limit: number): Promise<Figures> {
  const simulator = await startActionNetworkSimulator({ rateLimit: limit, seed: (store) => seedBulkPeople(store, PEOPLE) });
  const connector = new ActionNetworkConnector({ url: simulator.url, apiToken: simulator.apiToken, ratePerSecond: limit, fundraisingPage: null, timeoutMs: 15_000 });
  const started = performance.now();
  let records = 0;
  try {
    for await (const page of connector.listChanged('PERSON', null)) records += page.records.length;
  } finally {
    await connector.close();
    await simulator.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const accepted = simulator.rate.accepted;
  const span = ((accepted.at(-1) ?? 0) - (accepted[0] ?? 0)) / 1000;
  return {
    limit,
    records,
    requests: accepted.length,
    rejected: simulator.rate.rejected,
    peakPerSecond: simulator.rate.peakPerSecond(),
    seconds,
    // n requests span n-1 intervals.
    achievedRate: span > 0 ? (accepted.length - 1) / span : 0,
  };
}

function report(f: Figures): void {
  const share = (100 * f.achievedRate) / f.limit;
  console.log(`limit ${f.limit} req/s: ${f.records} people in ${f.seconds.toFixed(1)} s (${(f.records / f.seconds).toFixed(0)} records/s)`);
  console.log(`  ${f.requests} requests, achieved ${f.achievedRate.toFixed(2)} req/s = ${share.toFixed(1)} % of the limit; peak in any second ${f.peakPerSecond}; 429 responses ${f.rejected}`);
}

console.log(`Action Network: indexing ${PEOPLE} people (with tags) from the simulator`);
report(await indexAt(4));
report(await indexAt(200));

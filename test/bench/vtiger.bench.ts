// Benchmark: full indexing of 10,000 Vtiger contacts from the simulator, with sync working and with
// sync broken as on Vtiger 8.2 under PHP 8 (VTQL fallback); query calls against the ⌈N/100⌉ + 1
// target, records/s, logins; and a batched load of 250 ids (target: exactly 3 queries).
import { seedContacts } from '../../connectors/vtiger/simulator/bulk-seed.js';
import { startVtigerSimulator, type VtigerSimulatorOptions } from '../../connectors/vtiger/simulator/server.js';
import { simulatorConnector } from '../../connectors/vtiger/test-setup.js';

const CONTACTS = 10_000;
const START = Date.UTC(2025, 0, 1);
/** Three contacts per second: ties on modifiedtime straddle most 100-row page boundaries. */
const seed: VtigerSimulatorOptions['seed'] = (store) => {
  seedContacts(store, CONTACTS, { at: (i) => START + Math.floor(i / 3) * 1000 });
};

async function index(label: string, options: VtigerSimulatorOptions): Promise<void> {
  const simulator = await startVtigerSimulator({ ...options, seed });
  const connector = simulatorConnector(simulator);
  const started = performance.now();
  const seen = new Set<string>();
  let records = 0;
  let cursor = '';
  try {
    for await (const page of connector.listChanged('PERSON', null)) {
      records += page.records.length;
      cursor = page.cursor;
      for (const record of page.records) seen.add(record.remoteId);
    }
  } finally {
    await connector.close();
    await simulator.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const target = Math.ceil(CONTACTS / 100) + 1;
  console.log(`${label}: ${records} records (${seen.size} distinct) in ${seconds.toFixed(2)} s = ${(records / seconds).toFixed(0)} records/s`);
  console.log(
    `  query calls ${simulator.count('query')} (target ≤ ${target}), sync calls ${simulator.count('sync')}, describe ${simulator.count('describe')}, logins ${simulator.auth.logins}, final cursor ${cursor.length} chars`,
  );
}

async function batchedLoad(): Promise<void> {
  const simulator = await startVtigerSimulator({ seed });
  const connector = simulatorConnector(simulator);
  try {
    await connector.health();
    simulator.requests.clear();
    const ids = Array.from({ length: 250 }, (_, i) => `12x${1 + i * 37}`);
    const started = performance.now();
    const records = await connector.load('PERSON', ids);
    const ms = performance.now() - started;
    console.log(`batched load of 250 ids: ${records.filter(Boolean).length} records, ${simulator.count('query')} queries (target 3), ${ms.toFixed(1)} ms`);
  } finally {
    await connector.close();
    await simulator.close();
  }
}

console.log(`Vtiger: indexing ${CONTACTS} contacts from the simulator`);
await index('sync working (sync op)', {});
await index('sync broken, HTTP 500 (VTQL fallback)', { syncBroken: true });
await index('VTQL fallback, sessions expiring every 300 ms', { syncBroken: true, timings: { sessionLifetimeMs: 300 } });
await batchedLoad();

// Child-process entry of the sync benchmark: seeds the three CRM simulators straight into their
// stores and serves them, so the benchmark process measures the gateway's own memory and event loop.
// Talks to its parent (simulator-process-client.ts) over the IPC channel.
import { startActionNetworkSimulator } from '../../connectors/actionnetwork/simulator/server.js';
import { startCiviCrmSimulator } from '../../connectors/civicrm/simulator/civicrm-simulator.js';
import { startVtigerSimulator } from '../../connectors/vtiger/simulator/server.js';
import type { System } from '../../src/model/system.js';
import { generatePopulation, type PopulationSizes } from './sync-population.js';
import { seedActionNetwork, seedCiviCrm, seedVtiger, type SeededIds } from './sync-seed.js';
import { readTwinField, type EditedField } from './twin-fields.js';

export interface SimulatorProcessSetup {
  sizes: PopulationSizes;
  seed: number;
  /** Action Network's requests per second per token. */
  anRateLimit: number;
}

export interface SimulatorsReady {
  type: 'ready';
  civi: { url: string; apiKey: string; timeZone: string };
  an: { url: string; apiToken: string };
  vtiger: { url: string; timezone: string };
  ids: Record<System, SeededIds>;
  /** Records placed in each CRM. */
  seeded: Record<System, number>;
  seedSeconds: number;
  /** The child's RSS once seeded and serving, in bytes. */
  rss: number;
}

export interface FieldRead {
  system: System;
  remoteId: string;
  field: EditedField;
}

export type SimulatorRequest =
  | { id: number; type: 'read'; fields: FieldRead[] }
  | { id: number; type: 'rate' }
  | { id: number; type: 'close' };

export interface RateFigures {
  /** Epoch ms of every request Action Network's simulator accepted. */
  accepted: number[];
  rejected: number;
  peakPerSecond: number;
}

export type SimulatorReply = { id: number; values: (string | null)[] } | { id: number; rate: RateFigures } | { id: number; closed: true };

function send(message: SimulatorsReady | SimulatorReply): void {
  process.send?.(message);
}

async function serve(setup: SimulatorProcessSetup): Promise<void> {
  const started = performance.now();
  const population = generatePopulation(setup.sizes, setup.seed);
  const ids = {} as Record<System, SeededIds>;
  const [civi, an, vtiger] = await Promise.all([
    startCiviCrmSimulator({ seed: (db) => void (ids.CIVICRM = seedCiviCrm(db, population)) }),
    startActionNetworkSimulator({ rateLimit: setup.anRateLimit, seed: (store) => void (ids.ACTION_NETWORK = seedActionNetwork(store, population)) }),
    startVtigerSimulator({ seed: (store) => void (ids.VTIGER = seedVtiger(store, population)) }),
  ]);
  const donationsIn = (system: System) => population.donations.filter((d) => d.system === system).length;
  const { people, organizations } = setup.sizes;
  const stores = { civi: civi.db, an: an.store, vtiger: vtiger.store };

  process.on('message', (request: SimulatorRequest) => {
    if (request.type === 'read') {
      send({ id: request.id, values: request.fields.map((f) => readTwinField(stores, f.system, f.remoteId, f.field)) });
    } else if (request.type === 'rate') {
      send({ id: request.id, rate: { accepted: an.rate.accepted, rejected: an.rate.rejected, peakPerSecond: an.rate.peakPerSecond() } });
    } else {
      void Promise.all([civi.close(), an.close(), vtiger.close()]).then(() => {
        send({ id: request.id, closed: true });
        process.disconnect();
      });
    }
  });
  send({
    type: 'ready',
    civi: { url: civi.url, apiKey: civi.apiKey, timeZone: civi.timeZone },
    an: { url: an.url, apiToken: an.apiToken },
    vtiger: { url: vtiger.url, timezone: vtiger.store.timezone },
    ids,
    seeded: { CIVICRM: people + organizations + donationsIn('CIVICRM'), ACTION_NETWORK: people + donationsIn('ACTION_NETWORK'), VTIGER: people + organizations + donationsIn('VTIGER') },
    seedSeconds: (performance.now() - started) / 1000,
    rss: process.memoryUsage.rss(),
  });
}

// The setup arrives as the first message; without a parent there is nothing to serve.
if (!process.send) throw new Error('simulator-process.js runs as a child of the sync benchmark (child_process.fork), but was started without an IPC channel');
process.once('message', (setup: SimulatorProcessSetup) => void serve(setup));
// A benchmark that stops (Ctrl-C, a crash) takes its simulators with it.
process.once('disconnect', () => process.exit(0));

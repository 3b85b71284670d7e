// Starts a CiviCRM 5.77 (WordPress) APIv4 simulator on a real HTTP port.
import { IANAZone } from 'luxon';
import { FaultInjector } from '../../simulator/fault-injector.js';
import { RequestLog } from '../../simulator/request-log.js';
import { createSimulatorHandler } from '../../simulator/simulator-handler.js';
import { startSimulatorServer } from '../../simulator/simulator-server.js';
import { CiviApi } from './civi-api.js';
import { SimulatorClock } from './clock.js';
import { RowReader } from './query/row-reader.js';
import { EntityRegistry } from './schema/entity-registry.js';
import { seedDemoData } from './seed.js';
import { createCiviCrmHandler } from './server.js';
import { SimulatorDatabase } from './simulator-database.js';
import { CiviStore } from './store/civi-store.js';
import { loadReferenceData } from './store/reference-data.js';
import { RowWriter } from './write/row-writer.js';

export interface CiviCrmSimulatorOptions {
  /** The one valid API key (X-Civi-Auth / Authorization / _authx Bearer). Default 'demo-civicrm-key'. */
  readonly apiKey?: string;
  /** If set, logins must also send it as X-Civi-Key (or _authxSiteKey), else 401 "Must satisfy guard". */
  readonly siteKey?: string;
  /** IANA zone of the site: naive date strings are rendered in it. Default 'UTC'. */
  readonly timeZone?: string;
  /** WordPress behaviour (default true): API errors arrive with HTTP 200. False sends the intended 500/403/400/405. */
  readonly errorsAsHttp200?: boolean;
  /** 'demo' (default) loads the demo data set; 'none' starts empty; a function seeds its own. */
  readonly seed?: 'demo' | 'none' | ((db: SimulatorDatabase) => void);
  readonly port?: number;
  readonly host?: string;
  /** The clock writes read; tests can also change it later with `sim.clock.set(...)`. */
  readonly now?: () => Date;
}

export interface CiviCrmSimulator {
  /** The APIv4 base, e.g. `http://127.0.0.1:PORT/civicrm/ajax/api4`. */
  readonly url: string;
  /** The site root, e.g. `http://127.0.0.1:PORT`. */
  readonly siteUrl: string;
  readonly port: number;
  readonly apiKey: string;
  readonly siteKey: string | undefined;
  readonly timeZone: string;
  readonly faults: FaultInjector;
  readonly requests: RequestLog;
  readonly db: SimulatorDatabase;
  readonly clock: SimulatorClock;
  close(): Promise<void>;
}

export async function startCiviCrmSimulator(options: CiviCrmSimulatorOptions = {}): Promise<CiviCrmSimulator> {
  const settings = validate(options);
  const registry = new EntityRegistry();
  const store = new CiviStore(registry);
  const clock = new SimulatorClock(options.now);
  const reader = new RowReader(store, registry, settings.timeZone);
  const writer = new RowWriter(store, registry, clock, settings.timeZone);
  const db = new SimulatorDatabase(store, registry, reader, writer, clock);
  loadReferenceData(store);
  if (settings.seed === 'demo') seedDemoData(db);
  else if (typeof settings.seed === 'function') settings.seed(db);

  const api = new CiviApi({ registry, store, reader, writer, clock, timeZone: settings.timeZone });
  const faults = new FaultInjector();
  const requests = new RequestLog();
  const handle = createCiviCrmHandler(api, settings);
  const server = await startSimulatorServer(createSimulatorHandler({ requests, faults, handle }), {
    ...(options.host !== undefined ? { host: options.host } : {}),
    port: settings.port,
  });
  return {
    url: `${server.url}/civicrm/ajax/api4`,
    siteUrl: server.url,
    port: server.port,
    apiKey: settings.apiKey,
    siteKey: settings.siteKey,
    timeZone: settings.timeZone,
    faults,
    requests,
    db,
    clock,
    close: () => server.close(),
  };
}

interface Settings {
  readonly apiKey: string;
  readonly siteKey: string | undefined;
  readonly timeZone: string;
  readonly errorsAsHttp200: boolean;
  readonly seed: NonNullable<CiviCrmSimulatorOptions['seed']>;
  readonly port: number;
}

/** Options are checked once, here; each message states the contract and the value received. */
function validate(options: CiviCrmSimulatorOptions): Settings {
  const apiKey = options.apiKey ?? 'demo-civicrm-key';
  if (typeof apiKey !== 'string' || apiKey.trim() === '' || /\s/.test(apiKey)) {
    throw new TypeError(`apiKey must be a non-empty string without spaces, but got: ${JSON.stringify(apiKey)}`);
  }
  if (options.siteKey !== undefined && (typeof options.siteKey !== 'string' || options.siteKey === '')) {
    throw new TypeError(`siteKey must be a non-empty string when given, but got: ${JSON.stringify(options.siteKey)}`);
  }
  const timeZone = options.timeZone ?? 'UTC';
  if (!IANAZone.isValidZone(timeZone)) {
    throw new RangeError(`timeZone must be an IANA zone name such as 'America/New_York', but got: ${JSON.stringify(timeZone)}`);
  }
  const seed = options.seed ?? 'demo';
  if (seed !== 'demo' && seed !== 'none' && typeof seed !== 'function') {
    throw new TypeError(`seed must be 'demo', 'none' or a function, but got: ${JSON.stringify(seed)}`);
  }
  const port = options.port ?? 0;
  if (!(Number.isInteger(port) && port >= 0 && port <= 65535)) {
    throw new RangeError(`port must be an integer between 0 and 65535, but got: ${String(port)}`);
  }
  return { apiKey, siteKey: options.siteKey, timeZone, errorsAsHttp200: options.errorsAsHttp200 ?? true, seed, port };
}

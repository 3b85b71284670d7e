// A fake Vtiger 8.2 answering /webservice.php over real HTTP, for tests, the demo and the benchmark.
import type { ServerResponse } from 'node:http';
import { FaultInjector } from '../../simulator/fault-injector.js';
import { encodePhpJson } from '../../simulator/php-json.js';
import type { RequestInfo } from '../../simulator/request-info.js';
import { RequestLog } from '../../simulator/request-log.js';
import { createSimulatorHandler } from '../../simulator/simulator-handler.js';
import { startSimulatorServer } from '../../simulator/simulator-server.js';
import { installBase } from './base-install.js';
import { AuthBook, VTIGER_AUTH_TIMINGS, type AuthTimings, type SimulatedUser } from './auth-book.js';
import { OPERATIONS, type OperationContext } from './operations.js';
import { ADMIN_USER_ID, RecordStore } from './record-store.js';
import { PhpCrash, VtigerFault } from './vtiger-fault.js';

export interface VtigerSimulatorOptions {
  port?: number;
  username?: string;
  accessKey?: string;
  /** The API user's zone: stored UTC times are shown in it. */
  timezone?: string;
  now?: () => number;
  timings?: Partial<AuthTimings>;
  /** Make `sync` (and `logout`) answer an empty HTTP 500, as 8.2.0 does on PHP 8. */
  syncBroken?: boolean;
  /** Fills the store before the server starts (demo data, bench data). */
  seed?: (store: RecordStore) => void;
}

export interface VtigerSimulator {
  url: string;
  store: RecordStore;
  auth: AuthBook;
  requests: RequestLog;
  faults: FaultInjector;
  users: readonly SimulatedUser[];
  /** Switch the PHP 8 breakage of sync/logout on or off while running. */
  syncBroken: boolean;
  /** Requests for one operation, e.g. count('query'). */
  count(operation: string): number;
  close(): Promise<void>;
}

export const SIMULATOR_USERNAME = 'admin';
export const SIMULATOR_ACCESS_KEY = 'demoAccessKey0123';
/** A second, non-admin user: sync with syncType=application is refused to it. */
export const CLERK = { id: 5, username: 'clerk', accessKey: 'clerkAccessKey456' };

/** Headers a real 8.2 on PHP 8.2 sends with every answer. */
const PHP_HEADERS = {
  'x-powered-by': 'PHP/8.2.36',
  expires: 'Thu, 19 Nov 1981 08:52:00 GMT',
  'cache-control': 'no-store, no-cache, must-revalidate',
  pragma: 'no-cache',
};

export async function startVtigerSimulator(options: VtigerSimulatorOptions = {}): Promise<VtigerSimulator> {
  const now = options.now ?? Date.now;
  const timezone = options.timezone ?? 'UTC';
  const store = new RecordStore({ now, timezone });
  store.extraUsers.add(CLERK.id);
  const person = { isAdmin: false, firstName: 'Clara', lastName: 'Clerk', email: 'clerk@example.invalid', timezone };
  const users: SimulatedUser[] = [
    {
      id: ADMIN_USER_ID, username: options.username ?? SIMULATOR_USERNAME, accessKey: options.accessKey ?? SIMULATOR_ACCESS_KEY,
      isAdmin: true, firstName: 'Ad', lastName: 'Administrator', email: 'admin@example.invalid', timezone,
    },
    { ...person, id: CLERK.id, username: CLERK.username, accessKey: CLERK.accessKey },
  ];
  const auth = new AuthBook(users, { ...VTIGER_AUTH_TIMINGS, ...options.timings }, now);
  installBase(store);
  options.seed?.(store);
  const requests = new RequestLog();
  const faults = new FaultInjector();
  const state = { syncBroken: options.syncBroken ?? false };

  const handle = (request: RequestInfo, res: ServerResponse): void => {
    if (request.path !== '/webservice.php') {
      res.writeHead(404, { 'content-type': 'text/html; charset=UTF-8' }).end('Not Found');
      return;
    }
    const body = /application\/x-www-form-urlencoded/i.test(String(request.headers['content-type'] ?? '')) ? new URLSearchParams(request.body) : new URLSearchParams();
    // operation and sessionName come from $_REQUEST: either place.
    const operationName = request.query.get('operation') ?? body.get('operation') ?? '';
    const operation = Object.hasOwn(OPERATIONS, operationName) ? OPERATIONS[operationName] : undefined;
    try {
      // "Unknown operation requested" is thrown outside webservice.php's try block.
      if (!operation) throw new PhpCrash('Unknown operation requested');
      const sessionName = request.query.get('sessionName') ?? body.get('sessionName');
      const ctx: OperationContext = {
        params: request.method === 'GET' && operation.method === 'GET' ? request.query : request.method === 'POST' && operation.method === 'POST' ? body : new URLSearchParams(),
        user: operation.prelogin ? null : auth.use(sessionName ?? undefined),
        sessionName,
        store,
        auth,
        php8Breakage: { sync: state.syncBroken, logout: state.syncBroken },
      };
      const answer = operation.run(ctx);
      if ('html' in answer) {
        res.writeHead(200, { ...PHP_HEADERS, 'content-type': 'text/html; charset=UTF-8' }).end(answer.html);
        return;
      }
      send(res, { success: true, result: answer.result });
    } catch (err) {
      if (err instanceof VtigerFault) send(res, { success: false, error: { message: err.message, code: err.code } });
      else if (err instanceof PhpCrash) res.writeHead(500, { ...PHP_HEADERS, 'content-type': 'text/html; charset=UTF-8', 'content-length': 0 }).end();
      else throw err;
    }
  };

  const server = await startSimulatorServer(createSimulatorHandler({ requests, faults, handle }), { port: options.port ?? 0 });
  return {
    url: server.url,
    store,
    auth,
    requests,
    faults,
    users,
    get syncBroken() {
      return state.syncBroken;
    },
    set syncBroken(value: boolean) {
      state.syncBroken = value;
    },
    count: (operation) => requests.count((r) => (r.query.get('operation') ?? new URLSearchParams(r.body).get('operation')) === operation),
    close: () => server.close(),
  };
}

function send(res: ServerResponse, envelope: unknown): void {
  const body = Buffer.from(encodePhpJson(envelope), 'utf8');
  res.writeHead(200, { ...PHP_HEADERS, 'content-type': 'application/json', 'content-length': body.length }).end(body);
}

// Wraps a simulator's own handler with what every simulator does first: read the body, log, inject faults.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { FaultInjector } from './fault-injector.js';
import { BodyTooLargeError, readBodyText, sendText } from './http-helpers.js';
import type { RequestInfo } from './request-info.js';
import type { RequestLog } from './request-log.js';

export interface SimulatorHandlerOptions {
  readonly requests: RequestLog;
  readonly faults: FaultInjector;
  /** The CRM-specific part: answer one request whose body is already read. */
  readonly handle: (request: RequestInfo, res: ServerResponse) => void | Promise<void>;
  /** Bodies larger than this get 413; defaults to 8 MiB. */
  readonly maxBodyBytes?: number;
}

const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * Builds the node:http listener: every request is recorded (even ones a fault then
 * answers, so tests can count retries), faults run before the CRM handler (and thus
 * before its authentication), and an exception in the handler becomes a 500 rather
 * than a hung socket.
 */
export function createSimulatorHandler(options: SimulatorHandlerOptions): RequestListener {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return (req: IncomingMessage, res: ServerResponse) => {
    void run(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendText(res, 500, `simulator failure: ${err instanceof Error ? err.message : String(err)}`);
      else res.destroy();
    });
  };

  async function run(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    let body = '';
    let tooLarge = false;
    try {
      body = await readBodyText(req, maxBodyBytes);
    } catch (err) {
      if (!(err instanceof BodyTooLargeError)) throw err;
      tooLarge = true;
    }
    const request: RequestInfo = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
    };
    options.requests.record(request);
    if (tooLarge) {
      sendText(res, 413, `request body must be at most ${maxBodyBytes} bytes`, { connection: 'close' });
      return;
    }
    if (await options.faults.intercept(request, res)) return;
    await options.handle(request, res);
  }
}

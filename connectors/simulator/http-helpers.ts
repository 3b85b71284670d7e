// Small HTTP plumbing shared by every simulator: read a capped body, send JSON or text.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** Raised when a request body is larger than the simulator agreed to buffer. */
export class BodyTooLargeError extends Error {
  readonly code = 'SIM_BODY_TOO_LARGE';
  constructor(readonly limitBytes: number) {
    super(`request body must be at most ${limitBytes} bytes, but more was sent`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * Reads the whole body as UTF-8 text. Stops reading (and rejects with BodyTooLargeError)
 * as soon as more than `maxBytes` arrive, so a runaway client cannot exhaust memory.
 */
export function readBodyText(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (fn: () => void): void => {
      if (!settled) {
        settled = true;
        fn();
      }
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // Stop buffering but keep draining so the response can still be written.
        chunks.length = 0;
        settle(() => reject(new BodyTooLargeError(maxBytes)));
        return;
      }
      if (!settled) chunks.push(chunk);
    });
    req.on('end', () => settle(() => resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', (err) => settle(() => reject(err)));
  });
}

/** Sends `text` with the given status; Content-Type defaults to plain UTF-8 text. */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: OutgoingHttpHeaders = {},
): void {
  const body = Buffer.from(text, 'utf8');
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    ...headers,
    'content-length': body.length,
  });
  res.end(body);
}

/** Sends `value` serialised with JSON.stringify. */
export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: OutgoingHttpHeaders = {},
): void {
  sendText(res, status, JSON.stringify(value), { 'content-type': 'application/json', ...headers });
}

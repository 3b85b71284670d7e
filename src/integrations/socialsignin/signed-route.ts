// Wraps a route so that it only runs for a GET whose query string carries a valid signature.
import type { ServerResponse } from 'node:http';
import { sendJson, type RouteHandler } from '../../server/http-server.js';
import { rawQueryOf, type SignatureVerifier } from './signature-verifier.js';

export type SignedHandler = (params: URLSearchParams, res: ServerResponse) => Promise<void>;

export function signedRoute(verifier: SignatureVerifier, handle: SignedHandler): RouteHandler {
  return async (req, res) => {
    if (req.method !== 'GET') {
      return sendJson(res, 405, { error: `Expected GET, but got ${req.method ?? 'no method'}` }, { allow: 'GET' });
    }
    // req.url, not the parsed URL: the signature covers the query exactly as it was sent.
    const check = verifier.verify(rawQueryOf(req.url ?? ''));
    if (!check.ok) return sendJson(res, 401, { error: check.reason });
    return handle(check.params, res);
  };
}

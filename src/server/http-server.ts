// The gateway's HTTP surface: /graphql (HTTP and websocket), /healthz, /readyz and any extra
// routes (integrations), on one Node http server.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { requestErrorBody } from '../errors/to-graphql-error.js';
import type { ClientAuth } from './client-auth.js';
import type { Readiness } from './readiness.js';
import type { GraphqlWebSocket } from './websocket.js';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

export interface HttpSurface {
  graphql: RouteHandler;
  websocket: GraphqlWebSocket;
  auth: ClientAuth;
  readiness: Readiness;
  logger: Logger;
  /** Extra routes by exact path, e.g. "/integrations/socialsignin/search". */
  routes?: ReadonlyMap<string, RouteHandler>;
}

export const GRAPHQL_PATH = '/graphql';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function unauthenticated(res: ServerResponse): void {
  sendJson(
    res,
    401,
    requestErrorBody('UNAUTHENTICATED', 'Missing or invalid API key: send "Authorization: Bearer <key>"'),
    { 'www-authenticate': 'Bearer' },
  );
}

export function createHttpServer(surface: HttpSurface): Server {
  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://gateway.invalid');
    if (url.pathname === GRAPHQL_PATH) {
      if (!surface.auth.allows(req.headers.authorization)) return unauthenticated(res);
      return surface.graphql(req, res, url);
    }
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/readyz') {
      const report = await surface.readiness.check();
      return sendJson(res, report.ready ? 200 : 503, report);
    }
    const extra = surface.routes?.get(url.pathname);
    if (extra) return extra(req, res, url);
    sendJson(res, 404, { error: `No route for ${req.method ?? 'GET'} ${url.pathname}` });
  };

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      surface.logger.error({ err, path: req.url?.split('?')[0] }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'Internal server error' });
      else res.destroy();
    });
  });
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://gateway.invalid').pathname !== GRAPHQL_PATH) {
      socket.destroy();
      return;
    }
    surface.websocket.handleUpgrade(req, socket, head);
  });
  return server;
}

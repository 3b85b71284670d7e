// graphql-ws on the same /graphql path as HTTP, for subscriptions. Clients authenticate in the
// connection_init payload ({ "authorization": "Bearer <key>" }); a wrong key closes with 4403.
// Errors are formatted as over HTTP: GatewayErrors keep their code, anything else is masked.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { GraphQLError, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { ClientConnection, GatewayContext } from '../context.js';
import { isGatewayError } from '../errors/gateway-error.js';
import type { ClientAuth } from './client-auth.js';

export interface GraphqlWebSocket {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

export type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

export function graphqlWebSocket(
  schema: GraphQLSchema,
  auth: ClientAuth,
  context: (connection?: ClientConnection) => GatewayContext,
  formatError: FormatError,
): GraphqlWebSocket {
  const wss = new WebSocketServer({ noServer: true });
  // An error thrown by a stream reaches graphql-ws unlocated, wrapping ours: unwrap it here.
  const format = (error: GraphQLError) => formatError(error.toJSON(), isGatewayError(error.originalError) ? error.originalError : error);
  const server = useServer<Record<string, unknown> | undefined>(
    {
      schema,
      context: (ctx) => context({ close: (code, reason) => ctx.extra.socket.close(code, reason) }),
      onConnect: (ctx) => {
        // Clients differ in how they spell the key (Apollo Client, urql: "Authorization").
        const params = ctx.connectionParams ?? {};
        const key = Object.keys(params).find((k) => k.toLowerCase() === 'authorization');
        const presented = key === undefined ? undefined : params[key];
        // false makes graphql-ws close the socket with 4403 Forbidden.
        return auth.allows(typeof presented === 'string' ? presented : undefined);
      },
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map(format) } : undefined),
      onError: (_ctx, _id, _payload, errors) => errors.map(format),
    },
    wss,
  );
  return {
    handleUpgrade(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    async close() {
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

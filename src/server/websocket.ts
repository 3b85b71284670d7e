// graphql-ws on the same /graphql path as HTTP, for subscriptions. Clients authenticate in the
// connection_init payload ({ "authorization": "Bearer <key>" }); a wrong key closes with 4403.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { GatewayContext } from '../context.js';
import type { ClientAuth } from './client-auth.js';

export interface GraphqlWebSocket {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

export function graphqlWebSocket(schema: GraphQLSchema, auth: ClientAuth, context: () => GatewayContext): GraphqlWebSocket {
  const wss = new WebSocketServer({ noServer: true });
  const server = useServer<Record<string, unknown> | undefined>(
    {
      schema,
      context: () => context(),
      onConnect: (ctx) => {
        const presented = ctx.connectionParams?.['authorization'];
        // false makes graphql-ws close the socket with 4403 Forbidden.
        return auth.allows(typeof presented === 'string' ? presented : undefined);
      },
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

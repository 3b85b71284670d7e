// The baseline for throughput: Apollo Server answering a constant resolver over the same HTTP
// stack as the gateway (Node's http server + the gateway's Apollo integration).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { graphqlHttpHandler } from '../../src/server/graphql-http.js';

const typeDefs = `type Person { id: ID! displayName: String! emails: [Email!]! }
type Email { address: String! }
type Query { person(id: ID!): Person }`;

export async function startBareApollo(): Promise<{ url: string; close(): Promise<void> }> {
  const apollo = new ApolloServer({
    typeDefs,
    resolvers: { Query: { person: (_: unknown, args: { id: string }) => ({ id: args.id, displayName: 'Ada Lovelace', emails: [{ address: 'ada@example.org' }] }) } },
  });
  await apollo.start();
  const handle = graphqlHttpHandler(apollo, async () => ({}));
  const server: Server = createServer((req, res) => {
    void handle(req, res, new URL(req.url ?? '/', 'http://bench.invalid'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}

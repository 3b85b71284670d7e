// Adds the upstream failures met during a request as errors next to the partial data it returns.
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.js';
import { gatewayErrorExtensions } from '../errors/to-graphql-error.js';

export function useUpstreamWarnings(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const warnings = contextValue.warnings.list();
          if (warnings.length === 0 || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.errors = [
            ...(result.errors ?? []),
            ...warnings.map((w) => ({ message: w.message, extensions: gatewayErrorExtensions(w) })),
          ];
        },
      };
    },
  };
}

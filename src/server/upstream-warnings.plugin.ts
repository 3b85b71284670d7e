// Adds the upstream failures met during a request as errors next to the partial data it returns.
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import type { GatewayContext } from '../context.js';
import { isGatewayError } from '../errors/gateway-error.js';
import { gatewayErrorExtensions } from '../errors/to-graphql-error.js';

/** `logger` gets each unexpected failure in full: the client is told only that there was one. */
export function useUpstreamWarnings(logger: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const warnings = contextValue.warnings.list();
          for (const w of warnings) {
            if (!isGatewayError(w.cause)) logger.error({ err: w.cause, system: w.system }, 'unexpected error while reading from a CRM');
          }
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

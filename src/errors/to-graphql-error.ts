// The only place that turns errors into what GraphQL clients see: GatewayErrors keep their code
// and message; anything unexpected is masked (and logged) so internals and secrets never leak.
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { GatewayError } from './gateway-error.js';

export function gatewayErrorExtensions(error: GatewayError): Record<string, unknown> {
  return {
    code: error.code,
    ...(error.system ? { system: error.system } : {}),
    ...(error.argument ? { argument: error.argument } : {}),
    ...(error.upstreamCode ? { upstreamCode: error.upstreamCode } : {}),
  };
}

export function formatGraphQLError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    // INTERNAL describes the gateway's insides (a store failure quoting its driver, a corrupt
    // entry quoting its content): masked and logged like any unknown error.
    if (original instanceof GatewayError && original.code !== 'INTERNAL') {
      return { ...formatted, message: original.message, extensions: gatewayErrorExtensions(original) };
    }
    const code = formatted.extensions?.['code'];
    // Apollo's own codes (validation, parse, bad variables) describe the request, not our internals.
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
      const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error while resolving');
    return { message: 'Internal server error', ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL' } };
  };
}

/**
 * The body of a request refused before GraphQL runs (no key, body too large), shaped like a
 * GraphQL response so clients read it the same way. BAD_REQUEST is the code Apollo gives a
 * malformed HTTP request.
 */
export function requestErrorBody(code: 'UNAUTHENTICATED' | 'BAD_REQUEST', message: string): { errors: GraphQLFormattedError[] } {
  return { errors: [{ message, extensions: { code } }] };
}

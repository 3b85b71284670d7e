import { Writable } from 'node:stream';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { GatewayError } from './gateway-error.js';
import { formatGraphQLError } from './to-graphql-error.js';

function format(error: unknown, formatted: GraphQLFormattedError = { message: 'raw', path: ['person'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at secret.ts:1'] } }) {
  const lines: string[] = [];
  const logger = createLogger('error', new Writable({ write: (chunk: Buffer, _enc, done) => { lines.push(chunk.toString()); done(); } }));
  const resolverError = new GraphQLError('raw', { path: ['person'], originalError: error as Error });
  return { result: formatGraphQLError(logger)(formatted, resolverError), logged: lines.join('') };
}

describe('formatGraphQLError', () => {
  it('keeps a GatewayError’s message and sets its code, system and argument', () => {
    const { result } = format(GatewayError.badInput('id', 'Argument "id" must be a gateway id, but got: "x"'));
    expect(result).toEqual({ message: 'Argument "id" must be a gateway id, but got: "x"', path: ['person'], extensions: { code: 'BAD_USER_INPUT', argument: 'id' } });
    expect(format(new GatewayError('UPSTREAM_UNAVAILABLE', 'CIVICRM could not be read', { system: 'CIVICRM' })).result.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', system: 'CIVICRM' });
  });

  it('masks an unknown error, with no stack trace, and logs it', () => {
    const { result, logged } = format(new TypeError('Cannot read properties of undefined (token=s3cret)'));
    expect(result).toEqual({ message: 'Internal server error', path: ['person'], extensions: { code: 'INTERNAL' } });
    expect(logged).toContain('s3cret');
  });

  it('masks an INTERNAL GatewayError too: its text describes the gateway’s insides (a store failure, a corrupt entry)', () => {
    const { result, logged } = format(new GatewayError('INTERNAL', 'store could not write identity per_1: connect ECONNREFUSED 10.0.0.5:6379', { retryable: true }));
    expect(result).toEqual({ message: 'Internal server error', path: ['person'], extensions: { code: 'INTERNAL' } });
    expect(logged).toContain('ECONNREFUSED 10.0.0.5:6379');
  });

  it('passes the request’s own errors (validation, bad variables) through without a stack trace', () => {
    const formatted = { message: 'Cannot query field "nope" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['at x'] } };
    expect(formatGraphQLError(createLogger('silent'))(formatted, new GraphQLError(formatted.message))).toEqual({ message: formatted.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });
});

// DateTime: ISO 8601, always emitted in UTC with milliseconds ("2026-03-01T09:30:00.000Z").
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTime } from 'luxon';

function parse(value: unknown): DateTime {
  if (typeof value === 'string') {
    const parsed = DateTime.fromISO(value, { setZone: true });
    // An ISO string without an offset would silently take the server's zone: require one.
    if (parsed.isValid && /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value)) return parsed.toUTC();
  }
  throw new GraphQLError(`DateTime must be an ISO 8601 string with an offset, like "2026-03-01T09:30:00Z", but got: ${JSON.stringify(value)}`);
}

export const DateTimeScalar = new GraphQLScalarType<DateTime, string>({
  name: 'DateTime',
  description: 'ISO 8601 date-time with offset, always emitted in UTC ("2026-03-01T09:30:00.000Z").',
  serialize(value) {
    if (DateTime.isDateTime(value)) return value.toUTC().toISO() ?? '';
    if (value instanceof Date) return value.toISOString();
    throw new GraphQLError(`DateTime cannot represent ${JSON.stringify(value)}`);
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string literal');
    return parse(ast.value);
  },
});

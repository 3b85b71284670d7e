// Validates a webservice result against its zod schema: the one place raw answers become typed.
import type { z } from 'zod';
import { GatewayError } from '../../src/errors/gateway-error.js';

export function parseResult<S extends z.ZodType>(schema: S, value: unknown, label: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw new GatewayError('UPSTREAM_REJECTED', `VTIGER ${label} answered an unexpected result${where}: ${issue?.message ?? 'invalid'}`, {
    system: 'VTIGER',
  });
}

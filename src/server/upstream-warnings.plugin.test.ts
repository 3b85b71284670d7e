import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { GatewayContext } from '../context.js';
import { GatewayError } from '../errors/gateway-error.js';
import { UpstreamWarnings } from '../graph/upstream-warnings.js';
import { createLogger } from '../logger.js';
import { useUpstreamWarnings } from './upstream-warnings.plugin.js';

async function respond(warnings: UpstreamWarnings) {
  const lines: string[] = [];
  const logger = createLogger('info', new Writable({ write: (chunk: Buffer, _enc, done) => { lines.push(chunk.toString()); done(); } }));
  const listener = await useUpstreamWarnings(logger).requestDidStart!({} as never);
  const singleResult: { data: unknown; errors?: unknown[] } = { data: { person: null } };
  await listener!.willSendResponse!({ response: { body: { kind: 'single', singleResult } }, contextValue: { warnings } as unknown as GatewayContext } as never);
  return { errors: singleResult.errors, logged: lines.join('') };
}

describe('useUpstreamWarnings', () => {
  it('adds each failing CRM as an UPSTREAM_UNAVAILABLE error next to the data', async () => {
    const warnings = new UpstreamWarnings();
    warnings.add('CIVICRM', new GatewayError('UPSTREAM_UNAVAILABLE', 'CIVICRM Contact.get timed out', { system: 'CIVICRM' }));
    const { errors, logged } = await respond(warnings);
    expect(errors).toEqual([{ message: 'CIVICRM could not be read: CIVICRM Contact.get timed out', extensions: { code: 'UPSTREAM_UNAVAILABLE', system: 'CIVICRM' } }]);
    expect(logged).toBe('');
  });

  it('logs an unexpected read failure in full, since the client only learns that there was one', async () => {
    const warnings = new UpstreamWarnings();
    warnings.add('VTIGER', new TypeError("Cannot read properties of undefined (reading 'result')"));
    const { errors, logged } = await respond(warnings);
    expect(errors).toEqual([{ message: 'VTIGER could not be read: unexpected failure', extensions: { code: 'UPSTREAM_UNAVAILABLE', system: 'VTIGER' } }]);
    expect(logged).toContain("Cannot read properties of undefined (reading 'result')");
    expect(logged).toContain('"system":"VTIGER"');
  });
});

// The shared variable reader: what counts as unset, what a schema sees, and how a wrong value is reported.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EnvVariables } from './env-variables.js';
import { GatewayError } from './errors/gateway-error.js';

const variables = new EnvVariables(
  {
    DEMO_COUNT: { doc: 'How many (default 3)', schema: z.coerce.number().int().positive(), expects: 'a positive whole number' },
    DEMO_TOKEN: { doc: 'A token', schema: z.string().regex(/^t-/), expects: 'a token starting with t-', secret: true },
    DEMO_KEY: { doc: 'A key compared byte for byte', schema: z.string().regex(/^\S+$/), expects: 'a key without spaces', verbatim: true },
  },
  'VTIGER',
);

function thrown(run: () => unknown): GatewayError {
  try {
    run();
  } catch (err) {
    if (err instanceof GatewayError) return err;
    throw err;
  }
  throw new Error('expected a GatewayError');
}

describe('EnvVariables', () => {
  it('lists each README line under its name, in the order declared', () => {
    expect(variables.docs).toEqual({ DEMO_COUNT: 'How many (default 3)', DEMO_TOKEN: 'A token', DEMO_KEY: 'A key compared byte for byte' });
    expect(Object.keys(variables.docs)).toEqual(['DEMO_COUNT', 'DEMO_TOKEN', 'DEMO_KEY']);
  });

  it('reads unset, empty and blank alike as undefined', () => {
    expect(variables.read({}, 'DEMO_COUNT')).toBeUndefined();
    expect(variables.read({ DEMO_COUNT: '' }, 'DEMO_COUNT')).toBeUndefined();
    expect(variables.read({ DEMO_COUNT: ' \t ' }, 'DEMO_COUNT')).toBeUndefined();
    expect(variables.read({ DEMO_KEY: '   ' }, 'DEMO_KEY')).toBeUndefined();
  });

  it('trims a value before parsing it, unless the variable is verbatim', () => {
    expect(variables.read({ DEMO_COUNT: ' 12 ' }, 'DEMO_COUNT')).toBe(12);
    expect(variables.read({ DEMO_TOKEN: ' t-1 ' }, 'DEMO_TOKEN')).toBe('t-1');
    expect(() => variables.read({ DEMO_KEY: ' k ' }, 'DEMO_KEY')).toThrow('DEMO_KEY must be a key without spaces, but got: " k "');
  });

  it('states the expectation and the value as given, as a CONFIG error of the system', () => {
    const error = thrown(() => variables.read({ DEMO_COUNT: ' zero ' }, 'DEMO_COUNT'));
    expect(error).toMatchObject({ code: 'CONFIG', system: 'VTIGER', message: 'DEMO_COUNT must be a positive whole number, but got: " zero "' });
  });

  it('never quotes a secret', () => {
    const error = thrown(() => variables.read({ DEMO_TOKEN: 'hunter2' }, 'DEMO_TOKEN'));
    expect(error.message).toBe('DEMO_TOKEN must be a token starting with t-, but got: (hidden)');
  });

  it('words a variable that another one requires, and errors without a system for the core', () => {
    expect(variables.missing('DEMO_TOKEN', 'DEMO_COUNT is set')).toMatchObject({
      code: 'CONFIG',
      system: 'VTIGER',
      message: 'DEMO_TOKEN must be set when DEMO_COUNT is set, but got: nothing',
    });
    const core = new EnvVariables({ DEMO_PORT: { doc: 'Port', schema: z.coerce.number().int(), expects: 'an integer' } });
    expect(thrown(() => core.read({ DEMO_PORT: 'x' }, 'DEMO_PORT'))).toMatchObject({ code: 'CONFIG', system: undefined });
  });
});

import { describe, expect, it } from 'vitest';
import { ClientAuth } from './client-auth.js';

describe('ClientAuth', () => {
  it('lets everything through when no keys are configured', () => {
    expect(new ClientAuth([]).allows(undefined)).toBe(true);
  });

  it('accepts any configured key as a bearer token and nothing else', () => {
    const auth = new ClientAuth(['alpha', 'beta']);
    expect(auth.allows('Bearer alpha')).toBe(true);
    expect(auth.allows('bearer beta')).toBe(true);
    expect(auth.allows('Bearer gamma')).toBe(false);
    expect(auth.allows('alpha')).toBe(false);
    expect(auth.allows('Bearer alph')).toBe(false);
    expect(auth.allows(undefined)).toBe(false);
  });
});

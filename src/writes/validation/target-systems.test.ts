import { describe, expect, it } from 'vitest';
import { MemoryConnector } from '../../../test/support/memory-connector.js';
import { cannotWrite, createTargets } from './target-systems.js';

const civi = new MemoryConnector({ system: 'CIVICRM' });
const an = new MemoryConnector({
  system: 'ACTION_NETWORK',
  capabilities: { ORGANIZATION: null, DONATION: { read: true, list: true, create: false, update: false, delete: 'NONE', maxBatchSize: 4, fields: ['amount'] } },
});
const connectors = [civi, an];

describe('createTargets', () => {
  it('defaults to every configured system, naming why one cannot take the write', () => {
    expect(createTargets(connectors, 'ORGANIZATION', undefined).map((t) => [t.system, t.skipReason])).toEqual([
      ['CIVICRM', null],
      ['ACTION_NETWORK', 'ACTION_NETWORK does not hold organizations'],
    ]);
    expect(createTargets(connectors, 'DONATION', null).map((t) => t.skipReason)).toEqual([null, 'ACTION_NETWORK is not set up to create donations']);
  });

  it('takes the systems asked for, once each', () => {
    expect(createTargets(connectors, 'PERSON', ['ACTION_NETWORK', 'ACTION_NETWORK']).map((t) => [t.system, t.skipReason])).toEqual([['ACTION_NETWORK', null]]);
  });

  it('refuses a system that is not configured or cannot create the entity, naming its position', () => {
    expect(() => createTargets(connectors, 'PERSON', ['CIVICRM', 'VTIGER'])).toThrowError(
      expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'systems[1]', message: 'systems[1] must be a configured system that can create people (CIVICRM, ACTION_NETWORK), but got: "VTIGER"' }),
    );
    expect(() => createTargets(connectors, 'ORGANIZATION', ['ACTION_NETWORK'])).toThrowError(
      expect.objectContaining({ argument: 'systems[0]', message: 'systems[0] must be a configured system that can create organizations (CIVICRM), but got: "ACTION_NETWORK"' }),
    );
    expect(() => createTargets(connectors, 'PERSON', [])).toThrowError(expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'systems' }));
  });
});

describe('cannotWrite', () => {
  it('says why a system cannot do an operation', () => {
    expect(cannotWrite(an, 'DONATION', 'UPDATE')).toBe('ACTION_NETWORK cannot change donations');
    expect(cannotWrite(an, 'DONATION', 'DELETE')).toBe('ACTION_NETWORK cannot delete donations');
    expect(cannotWrite(civi, 'PERSON', 'DELETE')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { deriveUnifiedId, parseUnifiedId } from './unified-id.js';

describe('deriveUnifiedId', () => {
  it('is a typed prefix and 20 base32 characters derived from the first record', () => {
    // Pinned: demo ids must stay reproducible across releases and rebuilt stores.
    expect(deriveUnifiedId('PERSON', 'CIVICRM', '42')).toBe('per_rx6xs7ix7dekyeknmmwo');
    expect(deriveUnifiedId('ORGANIZATION', 'VTIGER', '11x7')).toMatch(/^org_[a-z2-7]{20}$/);
    expect(deriveUnifiedId('DONATION', 'ACTION_NETWORK', 'd6c1a9e0')).toMatch(/^don_[a-z2-7]{20}$/);
  });

  it('depends on system, entity and remote id', () => {
    const ids = new Set([
      deriveUnifiedId('PERSON', 'CIVICRM', '42'),
      deriveUnifiedId('PERSON', 'VTIGER', '42'),
      deriveUnifiedId('PERSON', 'CIVICRM', '43'),
      deriveUnifiedId('ORGANIZATION', 'CIVICRM', '42').replace('org_', 'per_'),
    ]);
    expect(ids.size).toBe(4);
  });

  it('gives a different id for each further attempt', () => {
    const first = deriveUnifiedId('PERSON', 'CIVICRM', '42');
    const second = deriveUnifiedId('PERSON', 'CIVICRM', '42', 1);
    expect(second).not.toBe(first);
    expect(deriveUnifiedId('PERSON', 'CIVICRM', '42', 1)).toBe(second);
  });
});

describe('parseUnifiedId', () => {
  it('names the entity of a well-formed id', () => {
    expect(parseUnifiedId(deriveUnifiedId('PERSON', 'CIVICRM', '1'))).toEqual({ entity: 'PERSON' });
    expect(parseUnifiedId(deriveUnifiedId('ORGANIZATION', 'CIVICRM', '1'))).toEqual({ entity: 'ORGANIZATION' });
    expect(parseUnifiedId(deriveUnifiedId('DONATION', 'CIVICRM', '1'))).toEqual({ entity: 'DONATION' });
  });

  it.each([
    '',
    'per_',
    'per_rx6xs7ix7dekyeknmmw', // 19
    'per_rx6xs7ix7dekyeknmmwoo', // 21
    'PER_rx6xs7ix7dekyeknmmwo',
    'per_RX6XS7IX7DEKYEKNMMWO',
    'per_rx6xs7ix7dekyeknmm01', // 0 and 1 are not base32
    'usr_rx6xs7ix7dekyeknmmwo',
    ' per_rx6xs7ix7dekyeknmmwo',
    'per_rx6xs7ix7dekyeknmmwo\n',
    '42',
  ])('rejects %j', (id) => {
    expect(parseUnifiedId(id)).toBeNull();
  });
});

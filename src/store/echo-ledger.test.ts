import { describe, expect, it } from 'vitest';
import { EchoLedger, ECHO_WINDOW_MS } from './echo-ledger.js';
import { STORE_NAMESPACES } from './keyv-backend.js';
import { openStore } from './open-store.js';

describe('EchoLedger', () => {
  it('keeps what was written per twin across a restart, drops fields a pull has shown, and forgets expectations past the echo window', async () => {
    const store = await openStore('memory://');
    let now = 1_000_000;
    const ns = [store.keyv(STORE_NAMESPACES.echoes), store.entries(STORE_NAMESPACES.echoes)] as const;
    const ledger = await EchoLedger.load(...ns, () => now);
    await ledger.expect([{ system: 'VTIGER', unifiedId: 'per_1', fields: { familyName: 'h1', givenName: 'h2' } }]);
    await ledger.expect([{ system: 'VTIGER', unifiedId: 'per_1', fields: { familyName: 'h3' } }]);
    const reopened = await EchoLedger.load(store.keyv(STORE_NAMESPACES.echoes), store.entries(STORE_NAMESPACES.echoes), () => now);
    expect(reopened.expected('VTIGER', 'per_1')).toEqual({ familyName: 'h3', givenName: 'h2' });

    await reopened.settle('VTIGER', 'per_1', ['familyName']);
    expect(reopened.expected('VTIGER', 'per_1')).toEqual({ givenName: 'h2' });
    await reopened.expect([{ system: 'CIVICRM', unifiedId: 'per_2', fields: { phones: 'h4' } }]);
    now += ECHO_WINDOW_MS + 1;
    await reopened.expect([{ system: 'CIVICRM', unifiedId: 'per_3', fields: { phones: 'h5' } }]);
    expect(await reopened.prune()).toBe(2);
    expect(reopened.expected('VTIGER', 'per_1')).toEqual({});
    expect(reopened.expected('CIVICRM', 'per_3')).toEqual({ phones: 'h5' });
    await store.close();
  });
});

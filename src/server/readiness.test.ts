import { describe, expect, it } from 'vitest';
import { MemoryConnector } from '../../test/support/memory-connector.js';
import { GatewayError } from '../errors/gateway-error.js';
import { Readiness } from './readiness.js';

describe('Readiness', () => {
  it('names what is not ready, quoting GatewayErrors but never an unexpected error’s text (readyz needs no key)', async () => {
    const civi = new MemoryConnector({ system: 'CIVICRM' });
    const vtiger = new MemoryConnector({ system: 'VTIGER' });
    civi.health = () => Promise.reject(new GatewayError('UPSTREAM_AUTH', 'CiviCRM refused the API key (HTTP 401)', { system: 'CIVICRM' }));
    vtiger.health = () => Promise.reject(new TypeError('fetch https://admin:s3cret@crm.internal/webservice.php failed'));
    const readiness = new Readiness({
      pingStore: () => Promise.reject(new Error('SQLITE_CANTOPEN: unable to open /var/lib/secret-path/state.sqlite')),
      connectors: [civi, vtiger],
      indexing: () => [
        { system: 'CIVICRM', firstRunDone: true, lastError: null },
        { system: 'VTIGER', firstRunDone: true, lastError: null },
      ],
    });
    expect(await readiness.check()).toEqual({
      ready: false,
      store: { ok: false, error: 'unexpected failure; the gateway log has the details' },
      connectors: [
        { system: 'CIVICRM', reachable: false, indexed: true, error: 'CiviCRM refused the API key (HTTP 401)' },
        { system: 'VTIGER', reachable: false, indexed: true, error: 'unexpected failure; the gateway log has the details' },
      ],
    });
  });
});

import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { sampleOrganization } from '../../test/support/sample-records.js';
import type { UnifiedOrganization } from '../model/entities.js';
import type { RemoteRecord } from '../model/remote-record.js';
import type { System } from '../model/system.js';
import { openStore, type GatewayStore } from '../store/open-store.js';
import { OrganizationMatcher } from './organization-matcher.js';

const at = DateTime.utc(2025, 1, 1);
function org(system: System, remoteId: string, data: Partial<UnifiedOrganization>): RemoteRecord<'ORGANIZATION'> {
  return { system, entity: 'ORGANIZATION', remoteId, createdAt: at, modifiedAt: at, data: sampleOrganization(data) };
}

describe('OrganizationMatcher', () => {
  let store: GatewayStore;
  let matcher: OrganizationMatcher;

  async function known(r: RemoteRecord<'ORGANIZATION'>): Promise<string> {
    const id = await store.identity.linkNew('ORGANIZATION', r.system, r.remoteId);
    matcher.remember(r);
    return id;
  }

  beforeEach(async () => {
    store = await openStore('memory://');
    matcher = new OrganizationMatcher(store.identity);
  });

  it('matches the same name written differently, when one has no website', async () => {
    const acme = await known(org('CIVICRM', '1', { name: 'Acme Widgets Ltd', website: null }));
    expect(matcher.match(org('VTIGER', '11x1', { name: 'ACME WIDGETS LIMITED', website: 'https://acme-widgets.example' }))).toBe(acme);
  });

  it('needs the same website domain when both have one', async () => {
    const acme = await known(org('CIVICRM', '1', { name: 'Acme Widgets Ltd', website: 'https://www.acme-widgets.example' }));
    expect(matcher.match(org('VTIGER', '11x1', { name: 'Acme Widgets Inc.', website: 'acme-widgets.example/contact' }))).toBe(acme);
    expect(matcher.match(org('VTIGER', '11x2', { name: 'Acme Widgets Inc.', website: 'https://acme-widgets.de' }))).toBeNull();
  });

  it('prefers the organization whose domain is the record’s over one without a website', async () => {
    await known(org('CIVICRM', '1', { name: 'Acme', website: null }));
    const withSite = await known(org('ACTION_NETWORK', 'a', { name: 'Acme', website: 'https://acme.example' }));
    expect(matcher.match(org('VTIGER', '11x1', { name: 'Acme', website: 'https://acme.example' }))).toBe(withSite);
  });

  it('does not match different names, nor one that already has a record in the same system', async () => {
    await known(org('CIVICRM', '1', { name: 'Acme Widgets Ltd', website: null }));
    expect(matcher.match(org('VTIGER', '11x1', { name: 'Acme Gadgets Ltd', website: null }))).toBeNull();
    expect(matcher.match(org('CIVICRM', '2', { name: 'Acme Widgets Ltd', website: null }))).toBeNull();
  });

  it('forgets a record it is told to', async () => {
    await known(org('CIVICRM', '1', { name: 'Acme Widgets Ltd', website: null }));
    matcher.forget('CIVICRM', '1');
    expect(matcher.match(org('VTIGER', '11x1', { name: 'Acme Widgets Ltd', website: null }))).toBeNull();
  });
});

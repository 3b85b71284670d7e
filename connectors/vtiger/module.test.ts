// The module the core registers: its demo starts the simulator with data overlapping the CiviCRM demo.
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { ChangePage } from '../connector.js';
import { DEMO_ORGANIZATIONS } from '../civicrm/simulator/demo-people.js';
import type { EntityType } from '../../src/model/system.js';
import { vtigerModule } from './module.js';

describe('vtigerModule', () => {
  it('declares its variables and reads config from them', () => {
    expect(Object.keys(vtigerModule.variables)).toEqual(expect.arrayContaining(['VTIGER_URL', 'VTIGER_USERNAME', 'VTIGER_ACCESS_KEY', 'VTIGER_TIMEZONE']));
    expect(vtigerModule.readConfig({})).toBeNull();
  });

  it('starts a demo whose contacts, accounts and invoices the connector lists', async () => {
    const demo = await vtigerModule.startDemo({});
    const connector = vtigerModule.create(vtigerModule.readConfig(demo.env) ?? demo.config, { logger: pino({ level: 'silent' }) });
    try {
      const listAll = async <E extends EntityType>(entity: E) => {
        const pages: ChangePage<E>[] = [];
        for await (const page of connector.listChanged(entity, null)) pages.push(page);
        return pages.flatMap((page) => page.records);
      };
      const organizations = await listAll('ORGANIZATION');
      const people = await listAll('PERSON');
      const donations = await listAll('DONATION');
      expect(organizations.map((o) => o.data.name).sort()).toEqual(DEMO_ORGANIZATIONS.map((o) => o.name).sort());
      expect(people.length).toBeGreaterThanOrEqual(24);
      expect(people.length).toBeLessThanOrEqual(28);
      expect(donations.length).toBeGreaterThanOrEqual(28);
      // Shared with the CiviCRM demo, typed differently; and someone only Vtiger knows.
      expect(people.find((p) => p.data.familyName === 'Baker')?.data.givenName).toBe('Bobby');
      expect(people.find((p) => p.data.familyName === 'Clark')?.data.emails[0]?.address).toBe('CARLA.CLARK@EXAMPLE.COM');
      expect(people.some((p) => p.data.familyName === 'Okafor')).toBe(true);
      const split = donations.find((d) => d.data.designations.length === 2);
      expect(split?.data.designations.map((d) => d.name)).toEqual(['General Fund', 'Building Fund']);
      const alice = people.find((p) => p.data.familyName === 'Anderson');
      expect(alice?.data.organizationRef).toBe(organizations.find((o) => o.data.name === 'Acme Widgets Ltd')?.remoteId);
    } finally {
      await connector.close();
      await demo.stop();
    }
  });
});

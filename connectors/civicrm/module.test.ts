// The CiviCRM module as the core uses it: variables, config, and the demo it starts.
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { civicrmModule } from './module.js';

describe('civicrmModule', () => {
  it('describes each variable it reads in one line', () => {
    expect(Object.keys(civicrmModule.variables)).toEqual([
      'CIVICRM_URL',
      'CIVICRM_API_KEY',
      'CIVICRM_SITE_KEY',
      'CIVICRM_TIMEZONE',
      'CIVICRM_DEFAULT_PHONE_REGION',
      'CIVICRM_TIMEOUT_MS',
    ]);
    for (const line of Object.values(civicrmModule.variables)) expect(line).not.toContain('\n');
    expect(civicrmModule.defaultReadMaxAgeMs).toBe(0);
  });

  it('starts the demo simulator and a connector that reads its seed', async () => {
    const demo = await civicrmModule.startDemo({ port: 0 });
    const connector = civicrmModule.create(demo.config, { logger: pino({ level: 'silent' }) });
    try {
      expect(demo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/civicrm\/ajax\/api4$/);
      expect(civicrmModule.readConfig(demo.env)).toEqual(demo.config);
      await connector.health();
      const [alice] = await connector.load('PERSON', ['9']);
      expect(alice?.data).toMatchObject({ givenName: 'Alice', familyName: 'Anderson' });
      expect(connector.capabilities.PERSON?.fields).toEqual(['givenName', 'familyName', 'emails', 'phones', 'addresses', 'languages', 'birthDate', 'organizationRef']);
      expect(connector.capabilities.ORGANIZATION?.fields).toEqual(['name', 'website', 'emails', 'phones', 'addresses']);
      expect(connector.capabilities.DONATION?.fields).toEqual(['amount', 'receivedAt', 'donorRef', 'designations']);
    } finally {
      await connector.close();
      await demo.stop();
    }
  });
});

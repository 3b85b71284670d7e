// The module as the core uses it: config from the environment, the demo simulator and its data.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangePage, Connector } from '../connector.js';
import type { DemoBackend } from '../connector-module.js';
import { DEMO_PEOPLE } from '../civicrm/simulator/demo-people.js';
import type { ActionNetworkConfig } from './config.js';
import { actionNetworkModule } from './module.js';

let demo: DemoBackend<ActionNetworkConfig>;
let connector: Connector;

beforeAll(async () => {
  demo = await actionNetworkModule.startDemo({});
  connector = actionNetworkModule.create(demo.config, { logger: pino({ level: 'silent' }) });
});

afterAll(async () => {
  await connector.close();
  await demo.stop();
});

async function all<E extends 'PERSON' | 'DONATION'>(entity: E): Promise<ChangePage<E>['records']> {
  const records: ChangePage<E>['records'] = [];
  for await (const page of connector.listChanged(entity, null)) records.push(...page.records);
  return records;
}

describe('actionNetworkModule', () => {
  it('reads back, from the env it prints, the config it started the demo with', () => {
    expect(actionNetworkModule.readConfig(demo.env)).toEqual(demo.config);
    expect(demo.config.ratePerSecond).toBe(4);
    expect(actionNetworkModule.defaultReadMaxAgeMs).toBe(600_000);
    expect(Object.keys(actionNetworkModule.variables)).toContain('ACTIONNETWORK_API_TOKEN');
  });

  it('serves demo people that overlap the CiviCRM demo people by email, some in another case', async () => {
    await connector.health();
    const people = await all('PERSON');
    expect(people.length).toBeGreaterThanOrEqual(30);
    const civiEmails = new Map(DEMO_PEOPLE.filter((p) => p.email).map((p) => [p.email?.toLowerCase(), p.email]));
    const emails = people.flatMap((p) => p.data.emails.map((e) => e.address));
    const shared = emails.filter((e) => civiEmails.has(e.toLowerCase()));
    expect(shared.length).toBeGreaterThanOrEqual(20);
    expect(shared.some((e) => civiEmails.get(e.toLowerCase()) !== e)).toBe(true);
    expect(people.length - shared.length).toBeGreaterThanOrEqual(8);
    expect(people.find((p) => p.data.familyName === 'Clark')?.data.phones[0]?.number).toBe('+14155550132');
    expect(new Set(people.flatMap((p) => p.data.tags))).toEqual(new Set(['donor', 'member', 'petition-signer', 'press', 'volunteer']));
  });

  it('serves about forty donations with recipients, a recurring gift among them, and accepts new ones', async () => {
    const donations = await all('DONATION');
    expect(donations.length).toBeGreaterThanOrEqual(40);
    expect(donations.some((d) => d.data.recurring)).toBe(true);
    expect(donations.some((d) => d.data.designations.length === 2)).toBe(true);
    expect(connector.capabilities.DONATION?.create).toBe(true);
  });
});

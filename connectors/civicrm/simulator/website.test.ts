// The Website entity over real HTTP: create with a :name type, get, modified_date bump, delete cascade.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCiviCrmSimulator, type CiviCrmSimulator } from './civicrm-simulator.js';
import { callApi } from './simulator-test-client.js';

let sim: CiviCrmSimulator;
beforeAll(async () => {
  sim = await startCiviCrmSimulator({ seed: 'none', now: () => new Date(Date.UTC(2026, 0, 1, 12, 0, 0)) });
});
afterAll(() => sim.close());

async function values(entity: string, action: string, params: Record<string, unknown>) {
  const res = await callApi(sim, entity, action, params);
  if (!Array.isArray(res.json?.values)) throw new Error(`no values: ${res.text}`);
  return res.json.values as Array<Record<string, unknown>>;
}

describe('Website', () => {
  it('stores typed URLs per contact and bumps the contact', async () => {
    const [org] = await values('Contact', 'create', { values: { contact_type: 'Organization', organization_name: 'Acme' } });
    sim.clock.set(new Date(Date.UTC(2026, 0, 2, 12, 0, 0)));
    await values('Website', 'create', { values: { contact_id: org?.id, url: 'https://acme.example', 'website_type_id:name': 'Work' } });
    await values('Website', 'create', { values: { contact_id: org?.id, url: 'https://facebook.com/acme', website_type_id: 3 } });
    const rows = await values('Website', 'get', { select: ['contact_id', 'url', 'website_type_id:name'], where: [['contact_id', '=', org?.id]], orderBy: { id: 'ASC' } });
    expect(rows.map((r) => [r.url, r['website_type_id:name']])).toEqual([
      ['https://acme.example', 'Work'],
      ['https://facebook.com/acme', 'Facebook'],
    ]);
    const [contact] = await values('Contact', 'get', { select: ['modified_date'], where: [['id', '=', org?.id]] });
    expect(contact?.modified_date).toBe('2026-01-02 12:00:00');
  });

  it('goes with its contact on a permanent delete', async () => {
    const [org] = await values('Contact', 'create', { values: { contact_type: 'Organization', organization_name: 'Gone' } });
    await values('Website', 'create', { values: { contact_id: org?.id, url: 'https://gone.example' } });
    await values('Contact', 'delete', { where: [['id', '=', org?.id]], useTrash: false });
    expect(await values('Website', 'get', { where: [['contact_id', '=', org?.id]] })).toEqual([]);
  });
});

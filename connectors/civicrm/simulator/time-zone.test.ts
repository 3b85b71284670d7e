// Dates as naive site-local strings: TIMESTAMP columns follow the site zone, DATETIME ones do not.
import { afterEach, describe, expect, it } from 'vitest';
import { startCiviCrmSimulator, type CiviCrmSimulator } from './civicrm-simulator.js';
import { callApi } from './simulator-test-client.js';

let sim: CiviCrmSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function first(s: CiviCrmSimulator, entity: string, params: unknown): Promise<Record<string, unknown>> {
  const res = await callApi(s, entity, 'get', params);
  return (res.json?.values as Array<Record<string, unknown>>)[0] as Record<string, unknown>;
}

describe('site time zone', () => {
  it('renders created/modified dates in America/New_York, and receive_date unshifted', async () => {
    sim = await startCiviCrmSimulator({ timeZone: 'America/New_York' });
    expect(await first(sim, 'Contact', { select: ['created_date'], where: [['id', '=', 9]] })).toEqual({ id: 9, created_date: '2026-01-05 04:08:00' });
    expect(await first(sim, 'Contribution', { select: ['receive_date', 'created_date'], where: [['id', '=', 1]] })).toEqual({
      id: 1,
      receive_date: '2025-01-06 10:30:00',
      created_date: '2026-01-05 07:00:00',
    });
  });

  it('stamps writes with the simulator clock, shown in the zone (daylight saving included)', async () => {
    let now = new Date('2026-07-01T16:00:00Z');
    sim = await startCiviCrmSimulator({ timeZone: 'America/New_York', seed: 'none', now: () => now });
    const created = await callApi(sim, 'Contact', 'create', { values: { first_name: 'Tz' } });
    const [row] = created.json?.values as Array<Record<string, unknown>>;
    expect(row).toMatchObject({ created_date: '20260701120000', modified_date: '20260701120000' });
    now = new Date('2026-12-01T16:00:00Z');
    await callApi(sim, 'Contact', 'update', { values: { id: row?.id, last_name: 'Zone' } });
    expect(await first(sim, 'Contact', { select: ['created_date', 'modified_date'], where: [['id', '=', row?.id]] })).toEqual({
      id: row?.id,
      created_date: '2026-07-01 12:00:00',
      modified_date: '2026-12-01 11:00:00',
    });
  });

  it('compares where values on timestamps as site-local strings', async () => {
    sim = await startCiviCrmSimulator({ timeZone: 'America/New_York' });
    const res = await callApi(sim, 'Contact', 'get', { select: ['id'], where: [['created_date', '<', '2026-01-05 04:02:00']] });
    expect(res.json?.values).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('defaults receive_date to now in the site zone and converts an ISO offset into it', async () => {
    sim = await startCiviCrmSimulator({ timeZone: 'Europe/Paris', seed: 'none', now: () => new Date('2026-03-01T08:00:00Z') });
    sim.db.insert('Contact', { first_name: 'Payer' });
    const a = await callApi(sim, 'Contribution', 'create', { values: { contact_id: 1, total_amount: 5, financial_type_id: 1 } });
    expect((a.json?.values as Array<Record<string, unknown>>)[0]).toMatchObject({ receive_date: '20260301090000' });
    const b = await callApi(sim, 'Contribution', 'create', { values: { contact_id: 1, total_amount: 5, financial_type_id: 1, receive_date: '2026-03-01T12:00:00Z' } });
    expect((b.json?.values as Array<Record<string, unknown>>)[0]).toMatchObject({ receive_date: '20260301130000' });
  });

  it('lets tests move the clock after start', async () => {
    sim = await startCiviCrmSimulator({ seed: 'none' });
    sim.clock.set(new Date('2030-01-02T03:04:05Z'));
    const res = await callApi(sim, 'Contact', 'create', { values: { first_name: 'Later' } });
    expect((res.json?.values as Array<Record<string, unknown>>)[0]).toMatchObject({ created_date: '20300102030405' });
  });

  it('rejects an unknown zone at start with the value received', async () => {
    await expect(startCiviCrmSimulator({ timeZone: 'Mars/Olympus' })).rejects.toThrow(
      `timeZone must be an IANA zone name such as 'America/New_York', but got: "Mars/Olympus"`,
    );
  });
});

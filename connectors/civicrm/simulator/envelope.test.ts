// The success envelope over real HTTP: key order, counts, row_count, index forms, batch calls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCiviCrmSimulator, type CiviCrmSimulator } from './civicrm-simulator.js';
import { callApi, callBatch } from './simulator-test-client.js';

let sim: CiviCrmSimulator;
beforeAll(async () => {
  sim = await startCiviCrmSimulator();
});
afterAll(() => sim.close());

describe('success envelope', () => {
  it('has exactly values, entity, action, debug, version, count, countFetched in that order', async () => {
    const res = await callApi(sim, 'Contact', 'get', { select: ['id', 'display_name'], where: [['id', '=', 9]] });
    expect(res.status).toBe(200);
    expect(res.contentType).toBe('application/json');
    expect(res.keys).toEqual(['values', 'entity', 'action', 'debug', 'version', 'count', 'countFetched']);
    expect(res.json).toEqual({
      values: [{ id: 9, display_name: 'Alice Anderson' }],
      entity: 'Contact',
      action: 'get',
      debug: null,
      version: 4,
      count: 1,
      countFetched: 1,
    });
  });

  it('adds countMatched only with row_count, and then count is the total ignoring limit and offset', async () => {
    const res = await callApi(sim, 'Contact', 'get', {
      select: ['id', 'sort_name', 'row_count'],
      where: [['contact_type', '=', 'Organization']],
      orderBy: { sort_name: 'ASC' },
      limit: 2,
      offset: 1,
    });
    expect(res.keys).toEqual(['values', 'entity', 'action', 'debug', 'version', 'count', 'countFetched', 'countMatched']);
    expect(res.json).toMatchObject({ count: 8, countFetched: 2, countMatched: 8 });
    expect(res.json?.values).toEqual([
      { id: 2, sort_name: 'Globex Corporation' },
      { id: 3, sort_name: 'Initech' },
    ]);
  });

  it('runs only the count for select ["row_count"] (the health-check shape), with limit 1', async () => {
    const res = await callApi(sim, 'Contact', 'get', { select: ['row_count'], limit: 1 });
    expect(res.json).toMatchObject({ values: [], count: 47, countFetched: 0, countMatched: 47 });
  });

  it('without row_count a limited get has no countMatched', async () => {
    const res = await callApi(sim, 'Contact', 'get', { select: ['id'], limit: 2 });
    expect(res.json).toMatchObject({ count: 2, countFetched: 2 });
    expect(res.json).not.toHaveProperty('countMatched');
  });

  it('has no is_error key', async () => {
    const res = await callApi(sim, 'Contact', 'get', { select: ['id'], limit: 1 });
    expect(res.json).not.toHaveProperty('is_error');
  });

  it('escapes like json_encode: \\/ and \\uXXXX', async () => {
    const res = await callApi(sim, 'Contact', 'get', { select: ['display_name'], where: [['last_name', '=', 'Ångström']] });
    expect(res.text).toContain('"display_name":"Zo\\u00eb \\u00c5ngstr\\u00f6m"');
    expect(res.json?.values).toEqual([{ id: 14, display_name: 'Zoë Ångström' }]);
  });

  it('returns a debug block only when asked', async () => {
    const res = await callApi(sim, 'Contact', 'get', { select: ['id'], limit: 1, debug: true });
    expect(res.json?.debug).toEqual({ actionClass: 'Civi\\Api4\\Generic\\DAOGetAction' });
  });
});

describe('index forms', () => {
  it('index=0 returns the first row as values, counts unchanged', async () => {
    const res = await callApi(sim, 'Contact', 'get', { select: ['display_name'], where: [['id', 'IN', [9, 10]]] }, { index: '0' });
    expect(res.json).toMatchObject({ values: { id: 9, display_name: 'Alice Anderson' }, count: 2, countFetched: 2 });
  });

  it('index=id keys values by id in result order, even descending', async () => {
    const res = await callApi(
      sim,
      'Contact',
      'get',
      { select: ['id', 'display_name'], where: [['id', 'IN', [9, 10]]], orderBy: { id: 'DESC' } },
      { index: 'id' },
    );
    expect(res.text).toContain('"values":{"10":{"id":10,"display_name":"Bob Baker"},"9":{"id":9,"display_name":"Alice Anderson"}}');
    expect(res.json).toMatchObject({ count: 2, countFetched: 2 });
  });

  it('like civicrm_api4(), strips an index field the select did not name', async () => {
    const res = await callApi(sim, 'Contact', 'get', { select: ['display_name'], where: [['id', '=', 10]] }, { index: 'id' });
    expect(res.json?.values).toEqual({ '10': { display_name: 'Bob Baker' } });
  });

  it('index by a field that was not selected adds it for keying and strips it from the rows', async () => {
    const res = await callApi(sim, 'Email', 'get', { select: ['contact_id'], where: [['contact_id', '=', 9]] }, { index: 'email' });
    expect(res.json?.values).toEqual({ 'alice.anderson@example.org': { id: 9, contact_id: 9 } });
  });

  it('an index past the end is an error', async () => {
    const res = await callApi(sim, 'Contact', 'get', { where: [['id', '=', 9]] }, { index: '3' });
    expect(res.json).toEqual({ error_code: 0, error_message: 'Index 3 not found in api results', status: 500 });
  });

  it('an empty index-by-field result is [] like an empty PHP array', async () => {
    const res = await callApi(sim, 'Contact', 'get', { where: [['id', '=', 9999]] }, { index: 'id' });
    expect(res.text.startsWith('{"values":[],')).toBe(true);
  });
});

describe('batch calls', () => {
  it('answers each call under its key; one failure does not fail the batch', async () => {
    const res = await callBatch(sim, {
      a: ['Contact', 'get', { select: ['id'], where: [['id', '=', 10]] }],
      b: ['Nope', 'get', {}],
      c: ['Contact', 'get', { select: ['display_name'], where: [['id', '=', 9]] }, 0],
      d: ['Email', 'get', { select: ['email'], where: [['contact_id', '=', 9]] }, { contact_id: 'email' }],
    });
    expect(res.status).toBe(200);
    expect(res.keys).toEqual(['a', 'b', 'c', 'd']);
    expect(res.json).toEqual({
      a: { values: [{ id: 10 }], entity: 'Contact', action: 'get', debug: null, version: 4, count: 1, countFetched: 1 },
      b: {
        error_code: 0,
        error_message: 'API (Nope, get) does not exist (or the extension it belongs to is not enabled).',
        status: 500,
      },
      c: { values: { id: 9, display_name: 'Alice Anderson' }, entity: 'Contact', action: 'get', debug: null, version: 4, count: 1, countFetched: 1 },
      d: { values: { '9': 'alice.anderson@example.org' }, entity: 'Email', action: 'get', debug: null, version: 4, count: 1, countFetched: 1 },
    });
  });

  it('is POST only', async () => {
    const res = await callBatch(sim, { a: ['Contact', 'get', {}] }, { method: 'GET' });
    expect(res.json).toEqual({
      error_code: 405,
      error_message: 'SECURITY: All requests that modify the database must be http POST, not GET.',
    });
  });
});

// Every where operator, groups, typed comparison, joins and suffixes in where, and the trash rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCiviCrmSimulator, type CiviCrmSimulator } from './civicrm-simulator.js';
import { callApi } from './simulator-test-client.js';

let sim: CiviCrmSimulator;
beforeAll(async () => {
  sim = await startCiviCrmSimulator();
});
afterAll(() => sim.close());

/** Ids a Contact.get (or other entity) returns for this where, in id order. */
async function ids(where: unknown[], entity = 'Contact'): Promise<number[]> {
  const res = await callApi(sim, entity, 'get', { select: ['id'], where, orderBy: { id: 'ASC' } });
  if (!Array.isArray(res.json?.values)) throw new Error(`no values: ${res.text}`);
  return (res.json.values as Array<{ id: number }>).map((r) => r.id);
}

async function error(where: unknown): Promise<unknown> {
  return (await callApi(sim, 'Contact', 'get', { where })).json;
}

describe('comparison operators', () => {
  it('= is case- and accent-insensitive, like utf8mb4_unicode_ci', async () => {
    expect(await ids([['last_name', '=', 'ANDERSON']])).toEqual([9]);
    expect(await ids([['last_name', '=', 'angstrom']])).toEqual([14]);
  });

  it('!= and <> exclude NULLs, as SQL does', async () => {
    expect(await ids([['contact_type', '!=', 'Individual']])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await ids([['job_title', '<>', 'Engineer']])).toEqual([9, 32, 33]);
  });

  it('< <= > >= compare numbers as numbers', async () => {
    expect(await ids([['id', '>', 45]])).toEqual([46, 48]);
    expect(await ids([['id', '>=', 46]])).toEqual([46, 48]);
    expect(await ids([['id', '<', 3]])).toEqual([1, 2]);
    expect(await ids([['id', '<=', '2']])).toEqual([1, 2]);
  });

  it('a value of the wrong type matches nothing, without error (observed id = "abc")', async () => {
    expect(await ids([['id', '=', 'abc']])).toEqual([]);
  });

  it('compares booleans given as true, 1 or "1"', async () => {
    expect(await ids([['do_not_email', '=', true]])).toEqual([43]);
    expect(await ids([['do_not_email', '=', 1]])).toEqual([43]);
    expect(await ids([['is_opt_out', '=', '1']])).toEqual([45]);
    expect((await ids([['is_opt_out', '=', false]])).length).toBe(46);
  });

  it('compares dates, a bare date meaning midnight', async () => {
    expect(await ids([['birth_date', '>', '1990-01-01']])).toEqual([14, 28, 34]);
    expect(await ids([['birth_date', '=', '1985-04-12']])).toEqual([9]);
    expect(await ids([['created_date', '<', '2026-01-05 09:02:00']])).toEqual([1, 2]);
  });
});

describe('pattern and list operators', () => {
  it('LIKE with % and _, case-insensitive; without wildcards it is equality', async () => {
    expect(await ids([['last_name', 'LIKE', 'Ander%']])).toEqual([9, 12]);
    expect(await ids([['last_name', 'LIKE', 'anderson']])).toEqual([9]);
    expect(await ids([['first_name', 'LIKE', '_va']])).toEqual([42]);
  });

  it('NOT LIKE', async () => {
    expect(await ids([['id', 'IN', [9, 10, 11, 12, 13]], ['display_name', 'NOT LIKE', '%an%']])).toEqual([10, 11, 13]);
  });

  it('IN ignores unknown values; an empty IN matches nothing; NOT IN', async () => {
    expect(await ids([['id', 'IN', [10, 9, 9999]]])).toEqual([9, 10]);
    expect(await ids([['id', 'IN', []]])).toEqual([]);
    expect(await ids([['id', 'NOT IN', [1, 2, 3, 4, 5, 6, 7, 8]], ['id', '<', 11]])).toEqual([9, 10]);
  });

  it('BETWEEN is inclusive; NOT BETWEEN', async () => {
    expect(await ids([['id', 'BETWEEN', [9, 11]]])).toEqual([9, 10, 11]);
    expect(await ids([['id', 'NOT BETWEEN', [2, 46]]])).toEqual([1, 48]);
  });

  it('CONTAINS on a text field is a substring match', async () => {
    expect(await ids([['display_name', 'CONTAINS', 'laire']])).toEqual([18]);
  });
});

describe('null and empty operators', () => {
  it('IS NULL / IS NOT NULL, including through a join (2-element clause)', async () => {
    expect(await ids([['email_primary.email', 'IS NULL']])).toEqual([41]);
    expect(await ids([['job_title', 'IS NOT NULL']])).toEqual([9, 11, 32, 33]);
  });

  it('IS EMPTY / IS NOT EMPTY treat "" and NULL alike', async () => {
    await callApi(sim, 'Contact', 'update', { values: { nick_name: '' }, where: [['id', '=', 48]] });
    expect(await ids([['id', '>', 46], ['nick_name', 'IS EMPTY']])).toEqual([48]);
    expect(await ids([['birth_date', 'IS NOT EMPTY']])).toEqual([9, 10, 14, 20, 28, 34]);
  });
});

describe('groups', () => {
  it('OR, nested AND inside OR, and NOT', async () => {
    expect(await ids([['OR', [['id', '=', 3], ['last_name', '=', 'Clark']]]])).toEqual([3, 11]);
    expect(
      await ids([
        [
          'OR',
          [
            ['AND', [['contact_type', '=', 'Organization'], ['organization_name', 'LIKE', 'G%']]],
            ['first_name', '=', 'Zoë'],
          ],
        ],
      ]),
    ).toEqual([2, 14]);
    expect(await ids([['NOT', [['contact_type', '=', 'Individual']]]])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('NOT of an unknown (NULL) comparison is still unknown', async () => {
    expect(await ids([['NOT', [['job_title', '=', 'Engineer']]]])).toEqual([9, 32, 33]);
  });
});

describe('joins and pseudoconstant suffixes in where', () => {
  it('filters on a primary join with a :name suffix', async () => {
    expect(await ids([['address_primary.country_id:name', '=', 'NZ']])).toEqual([8, 24, 48]);
    expect(await ids([['address_primary.state_province_id:abbr', 'IN', ['IL', 'ON']]])).toEqual([1, 2, 9, 10, 46]);
  });

  it('filters on a foreign-key join from another entity', async () => {
    expect(await ids([['contact_id.display_name', '=', 'Bob Baker']], 'Email')).toHaveLength(2);
    expect(await ids([['contribution_status_id:name', '=', 'Refunded']], 'Contribution')).toHaveLength(1);
  });
});

describe('where errors', () => {
  it('reports an unknown field, including behind a join', async () => {
    expect(await error([['no_such_field', '=', 1]])).toEqual({ error_code: 0, error_message: "Invalid field 'no_such_field'", status: 500 });
    expect(await error([['email_primary.nope', '=', 1]])).toEqual({ error_code: 0, error_message: "Invalid field 'email_primary.nope'", status: 500 });
  });

  it('reports an unknown operator, a lowercase one, or a clause without one as Illegal operator', async () => {
    const illegal = { error_code: 0, error_message: 'Illegal operator', status: 500 };
    expect(await error([['id', 'EQUALS', 1]])).toEqual(illegal);
    expect(await error([['id', 'like', 1]])).toEqual(illegal);
    expect(await error([['id']])).toEqual(illegal);
  });
});

describe('fetching by id', () => {
  it('reads the rows an id = or id IN names, however the ids are written, with the rest of the where still applied', async () => {
    expect(await ids([['id', '=', 9]])).toEqual([9]);
    expect(await ids([['id', '=', '9']])).toEqual([9]);
    expect(await ids([['id', 'IN', [14, '9', 14, 999]]])).toEqual([9, 14]);
    expect(await ids([['id', '=', 9], ['last_name', '=', 'Novak']])).toEqual([]);
    expect(await ids([['id', 'IN', [9, 47]], ['id', '>', 10]])).toEqual([47]);
    expect(await ids([['id', '=', 999]])).toEqual([]);
    expect(await ids([['id', '=', 9.5]])).toEqual([]);
  });
});

describe('trash visibility (observed on 5.77)', () => {
  it('hides trashed contacts from a plain get', async () => {
    expect(await ids([['last_name', '=', 'Novak']])).toEqual([]);
    expect((await callApi(sim, 'Contact', 'get', { select: ['row_count'] })).json).toMatchObject({ countMatched: 47 });
  });

  it('shows them when fetching by id (top-level id =, IN or LIKE without %)', async () => {
    const res = await callApi(sim, 'Contact', 'get', { select: ['display_name', 'is_deleted'], where: [['id', '=', 47]] });
    expect(res.json?.values).toEqual([{ id: 47, display_name: 'Nadia Novak', is_deleted: true }]);
    expect(await ids([['id', 'IN', [9, 47]]])).toEqual([9, 47]);
    expect(await ids([['id', 'LIKE', '47']])).toEqual([47]);
  });

  it('still hides them for other id filters and for id inside a group (AbstractGetAction::_itemsToGet)', async () => {
    expect(await ids([['id', '>', 46]])).toEqual([48]);
    expect(await ids([['OR', [['id', '=', 47], ['last_name', '=', 'Anderson']]]])).toEqual([9]);
  });

  it('shows them when the where names is_deleted, also inside the first group', async () => {
    expect(await ids([['is_deleted', '=', true]])).toEqual([47]);
    expect(await ids([['is_deleted', 'IN', [0, 1]]])).toHaveLength(48);
    expect(await ids([['OR', [['is_deleted', '=', 1], ['id', '=', 9]]]])).toEqual([9, 47]);
  });
});

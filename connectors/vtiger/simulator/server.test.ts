// The simulator answers like the real Vtiger 8.2 in the reference: envelope, auth, VTQL, CRUD, sync.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { seedContacts } from './bulk-seed.js';
import { CLERK, SIMULATOR_ACCESS_KEY, startVtigerSimulator, type VtigerSimulator, type VtigerSimulatorOptions } from './server.js';

let sim: VtigerSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

interface Answer {
  status: number;
  contentType: string | null;
  text: string;
  json: { success: boolean; result?: any; error?: { message: string; code: string | number } };
}

async function call(method: 'GET' | 'POST', params: Record<string, string>): Promise<Answer> {
  if (!sim) throw new Error('no simulator');
  const form = new URLSearchParams(params).toString();
  const res =
    method === 'GET'
      ? await fetch(`${sim.url}/webservice.php?${form}`)
      : await fetch(`${sim.url}/webservice.php`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
  const text = await res.text();
  let json: Answer['json'] = { success: false };
  try {
    json = JSON.parse(text) as Answer['json'];
  } catch {
    // HTML and empty bodies are checked through `text`.
  }
  return { status: res.status, contentType: res.headers.get('content-type'), text, json };
}

async function login(username = 'admin', key = SIMULATOR_ACCESS_KEY): Promise<string> {
  const challenge = await call('GET', { operation: 'getchallenge', username });
  const accessKey = createHash('md5').update(challenge.json.result.token + key).digest('hex');
  const answer = await call('POST', { operation: 'login', username, accessKey });
  return answer.json.result.sessionName as string;
}

async function start(options: VtigerSimulatorOptions = {}): Promise<string> {
  sim = await startVtigerSimulator(options);
  return login();
}

describe('authentication', () => {
  it('issues 13-hex challenge tokens living 300 s and sessions for md5(token + access key)', async () => {
    sim = await startVtigerSimulator();
    const challenge = await call('GET', { operation: 'getchallenge', username: 'admin' });
    expect(challenge.json.result.token).toMatch(/^[0-9a-f]{13}$/);
    expect(challenge.json.result.expireTime - challenge.json.result.serverTime).toBe(300);
    const accessKey = createHash('md5').update(challenge.json.result.token + SIMULATOR_ACCESS_KEY).digest('hex');
    const answer = await call('POST', { operation: 'login', username: 'admin', accessKey });
    expect(Object.keys(answer.json.result).slice(-4)).toEqual(['sessionName', 'userId', 'version', 'vtigerVersion']);
    expect(answer.json.result.sessionName).toMatch(/^[0-9a-f]{21}$/);
    expect(answer.json.result.userId).toBe('19x1');
    expect(answer.contentType).toBe('application/json');
  });

  it('refuses wrong keys, the raw key, logins over GET and unknown users with the real codes', async () => {
    sim = await startVtigerSimulator();
    await call('GET', { operation: 'getchallenge', username: 'admin' });
    expect((await call('POST', { operation: 'login', username: 'admin', accessKey: SIMULATOR_ACCESS_KEY })).json.error).toEqual({
      message: 'Invalid username or password',
      code: 'INVALID_USER_CREDENTIALS',
    });
    expect((await call('GET', { operation: 'login', username: 'admin', accessKey: 'x' })).json.error?.code).toBe('INVALID_AUTH_TOKEN');
    expect((await call('GET', { operation: 'getchallenge', username: 'nobody' })).json.error).toEqual({ message: 'username does not exists', code: 'ACCESS_DENIED' });
    expect((await call('GET', { operation: 'getchallenge' })).json.error).toEqual({ message: 'No username given', code: 'ACCESS_DENIED' });
  });

  it('expires challenges and idle sessions on its clock', async () => {
    let now = Date.UTC(2026, 0, 10);
    sim = await startVtigerSimulator({ now: () => now, timings: { challengeTtlMs: 1000, sessionIdleMs: 5000 } });
    const challenge = await call('GET', { operation: 'getchallenge', username: 'admin' });
    now += 1500;
    const accessKey = createHash('md5').update(challenge.json.result.token + SIMULATOR_ACCESS_KEY).digest('hex');
    expect((await call('POST', { operation: 'login', username: 'admin', accessKey })).json.error).toEqual({
      message: 'Specified token is invalid or expired',
      code: 'INVALID_AUTH_TOKEN',
    });
    const session = await login();
    now += 4000;
    expect((await call('GET', { operation: 'listtypes', sessionName: session })).json.success).toBe(true);
    now += 5001;
    expect((await call('GET', { operation: 'listtypes', sessionName: session })).json.error).toEqual({
      message: 'Session Identifier provided is Invalid',
      code: 'INVALID_SESSIONID',
    });
  });

  it('wants a sessionName on every other operation ("Authencation", sic)', async () => {
    sim = await startVtigerSimulator();
    expect((await call('GET', { operation: 'listtypes' })).json.error).toEqual({ message: 'Authencation required', code: 'AUTHENTICATION_REQUIRED' });
  });
});

describe('transport', () => {
  it('answers unknown operations with an empty text/html HTTP 500', async () => {
    await start();
    const answer = await call('GET', { operation: 'nope' });
    expect([answer.status, answer.text, answer.contentType]).toEqual([500, '', 'text/html; charset=UTF-8']);
  });

  it('reads GET operations only from the query and POST ones only from the body', async () => {
    const session = await start();
    expect((await call('GET', { operation: 'create', sessionName: session, elementType: 'Contacts', element: '{}' })).json.error).toEqual({
      message: 'Permission to perform the operation is denied',
      code: 'ACCESS_DENIED',
    });
    expect((await call('POST', { operation: 'query', sessionName: session, query: 'SELECT * FROM Contacts;' })).json.error).toEqual({
      message: 'Permission to perform the operation is denied for query',
      code: 'ACCESS_DENIED',
    });
  });

  it("escapes like PHP's json_encode and HTML-encodes only the label", async () => {
    const session = await start();
    const element = JSON.stringify({ accountname: "O'Brien & <Sons> \"Q\" Ünïcødé", website: 'https://x.example', assigned_user_id: '19x1' });
    const answer = await call('POST', { operation: 'create', sessionName: session, elementType: 'Accounts', element });
    expect(answer.text).toContain('"website":"https:\\/\\/x.example"');
    expect(answer.text).toContain('\\u00dcn\\u00efc\\u00f8d\\u00e9');
    expect(answer.json.result.accountname).toBe("O'Brien & <Sons> \"Q\" Ünïcødé");
    expect(answer.json.result.label).toBe('O&#039;Brien &amp; &lt;Sons&gt; &quot;Q&quot; &Uuml;n&iuml;c&oslash;d&eacute;');
    expect(Object.keys(answer.json.result).slice(-2)).toEqual(['id', 'label']);
  });
});

describe('create, retrieve, revise, delete', () => {
  it('checks mandatory fields, duplicates and references the way 8.2 does', async () => {
    const session = await start();
    const create = (elementType: string, element: unknown) => call('POST', { operation: 'create', sessionName: session, elementType, element: JSON.stringify(element) });
    expect((await create('Contacts', { lastname: 'Doe' })).json.error).toEqual({ message: 'assigned_user_id does not have a value', code: 'MANDATORY_FIELDS_MISSING' });
    expect((await create('Contacts', { lastname: '', assigned_user_id: '19x1' })).json.error?.message).toBe('lastname does not have a value');
    await create('Accounts', { accountname: 'Acme', assigned_user_id: '19x1' });
    expect((await create('Accounts', { accountname: 'Acme', assigned_user_id: '19x1' })).json.error).toEqual({ message: 'Duplicate(s) detected!', code: 0 });
    expect((await create('Contacts', { lastname: 'D', account_id: '12x1', assigned_user_id: '19x1' })).json.error).toEqual({
      message: 'Invalid reference specified for account_id',
      code: 'REFERENCE_INVALID',
    });
    const dangling = await create('Contacts', { lastname: 'D', account_id: '11x99999', assigned_user_id: '19x1', donotcall: true, nosuch: 'x' });
    expect([dangling.json.result.account_id, dangling.json.result.donotcall, dangling.json.result.contact_no]).toEqual(['', '1', 'CON1']);
    expect(dangling.json.result).not.toHaveProperty('nosuch');
  });

  it('answers missing, deleted, malformed and wrong-module ids like 8.2 (never RECORD_NOT_FOUND)', async () => {
    const session = await start();
    const created = await call('POST', { operation: 'create', sessionName: session, elementType: 'Contacts', element: JSON.stringify({ lastname: 'Doe', assigned_user_id: '19x1' }) });
    const id = created.json.result.id as string;
    expect((await call('POST', { operation: 'delete', sessionName: session, id })).json.result).toEqual({ status: 'successful' });
    const retrieve = async (target: string) => (await call('GET', { operation: 'retrieve', sessionName: session, id: target })).json.error;
    expect(await retrieve(id)).toEqual({ message: 'Permission to perform the operation is denied', code: 'ACCESS_DENIED' });
    expect(await retrieve('12x99999')).toEqual({ message: 'Permission to perform the operation is denied', code: 'ACCESS_DENIED' });
    expect(await retrieve('99x3')).toEqual({ message: 'Permission to perform the operation is denied for id', code: 'ACCESS_DENIED' });
    expect(await retrieve('abc')).toEqual({ message: 'Permission to perform the operation is denied for id', code: 'ACCESS_DENIED' });
    const other = await call('POST', { operation: 'create', sessionName: session, elementType: 'Contacts', element: JSON.stringify({ lastname: 'Roe', assigned_user_id: '19x1' }) });
    expect(await retrieve(`11x${String(other.json.result.id).split('x')[1]}`)).toEqual({ message: 'Id specified is incorrect', code: 'INVALID_ID_ATTRIBUTE' });
  });

  it('revise checks only what it sends; update needs every mandatory field', async () => {
    let now = Date.UTC(2026, 0, 10, 9);
    sim = await startVtigerSimulator({ now: () => now });
    const session = await login();
    const created = await call('POST', { operation: 'create', sessionName: session, elementType: 'Contacts', element: JSON.stringify({ lastname: 'Doe', firstname: 'Jane', assigned_user_id: '19x1' }) });
    const id = created.json.result.id as string;
    now += 60_000;
    const revised = await call('POST', { operation: 'revise', sessionName: session, element: JSON.stringify({ id, title: 'CEO' }) });
    expect([revised.json.result.title, revised.json.result.firstname, revised.json.result.modifiedtime]).toEqual(['CEO', 'Jane', '2026-01-10 09:01:00']);
    expect((await call('POST', { operation: 'revise', sessionName: session, element: JSON.stringify({ id, lastname: '' }) })).json.error?.code).toBe('MANDATORY_FIELDS_MISSING');
    expect((await call('POST', { operation: 'update', sessionName: session, element: JSON.stringify({ id, title: 'CTO' }) })).json.error?.message).toBe('lastname does not have a value');
    expect((await call('POST', { operation: 'revise', sessionName: session, element: JSON.stringify({ title: 'x' }) })).json.error?.message).toBe(
      'Permission to perform the operation is denied for id',
    );
  });

  it('requires LineItems on invoices, recomputes the totals, and shows lines on retrieve only', async () => {
    const session = await start();
    const product = await call('POST', { operation: 'create', sessionName: session, elementType: 'Products', element: JSON.stringify({ productname: 'Books', assigned_user_id: '19x1' }) });
    const create = (element: unknown) => call('POST', { operation: 'create', sessionName: session, elementType: 'Invoice', element: JSON.stringify(element) });
    expect((await create({ subject: 'x', invoicestatus: 'Created', assigned_user_id: '19x1' })).json.error).toEqual({ message: 'Mandatory Fields Missing..', code: 'MANDATORY_FIELDS_MISSING' });
    const lines = [{ productid: product.json.result.id, quantity: 2, listprice: '10.25' }, { productid: product.json.result.id, quantity: '1', listprice: '5' }];
    const invoice = await create({ subject: 'x', invoicestatus: 'Created', assigned_user_id: '19x1', hdnGrandTotal: '1', LineItems: lines });
    expect(invoice.json.result.hdnGrandTotal).toBe('25.50000000');
    expect(invoice.json.result.LineItems.map((l: { quantity: string; listprice: string }) => [l.quantity, l.listprice])).toEqual([['2.000', '10.25000000'], ['1.000', '5.00000000']]);
    const row = await call('GET', { operation: 'query', sessionName: session, query: 'SELECT * FROM Invoice;' });
    expect(row.json.result[0]).not.toHaveProperty('LineItems');
    expect(Object.keys(row.json.result[0]).at(-1)).toBe('id');
  });
});

describe('query', () => {
  it('never returns more than 100 rows, pages with LIMIT offset, n, and counts as a string', async () => {
    sim = await startVtigerSimulator({ seed: (store) => seedContacts(store, 111) });
    const session = await login();
    const query = async (q: string) => (await call('GET', { operation: 'query', sessionName: session, query: q })).json.result as Record<string, string>[];
    expect(await query('SELECT * FROM Contacts;')).toHaveLength(100);
    expect(await query('SELECT * FROM Contacts LIMIT 500;')).toHaveLength(100);
    expect(await query('SELECT * FROM Contacts ORDER BY id LIMIT 0, 200;')).toHaveLength(100);
    expect(await query('SELECT * FROM Contacts ORDER BY id LIMIT 100, 50;')).toHaveLength(11);
    expect(await query('SELECT * FROM Contacts ORDER BY id LIMIT 200, 50;')).toEqual([]);
    expect(await query('SELECT count(*) FROM Contacts;')).toEqual([{ count: '111' }]);
    expect(await query("select lastname, firstname from Contacts where lastname like 'contact0007';")).toEqual([{ lastname: 'Contact0007', firstname: 'Bulk', id: '12x7' }]);
    expect(await query("SELECT id FROM Contacts WHERE id IN ('12x3','12x5') OR lastname = 'Contact0009' ORDER BY id DESC;")).toEqual([{ id: '12x9' }, { id: '12x5' }, { id: '12x3' }]);
    expect(await query('SELECT * FROM Contacts ORDER BY nosuchfield;')).toEqual([]);
    // AND binds tighter than OR, as MySQL applies it to the conditions Vtiger passes on in order.
    expect(await query("SELECT id FROM Contacts WHERE lastname = 'Contact0001' OR lastname = 'Contact0002' AND firstname = 'Nobody';")).toEqual([{ id: '12x1' }]);
    expect(await query("SELECT id FROM Contacts WHERE lastname = 'x' AND id > '12x5' OR id > '12x109' ORDER BY id;")).toEqual([{ id: '12x110' }, { id: '12x111' }]);
  });

  it("gives Vtiger's errors for bad statements", async () => {
    const session = await start();
    const error = async (q: string) => (await call('GET', { operation: 'query', sessionName: session, query: q })).json.error;
    expect(await error('SELECT * FROM Contacts LIMIT 0, 2')).toEqual({
      message: "Syntax Error on line 1: token '2' Unexpected End of Input(0), expected one of: SEMICOLON",
      code: 'QUERY_SYNTAX_ERROR',
    });
    expect((await error('SELECT * FROM Contacts WHERE;'))?.message).toBe("Syntax Error on line 1: token ';' Unexpected SEMICOLON(;), expected one of: COLUMNNAME");
    expect((await error("SELECT * FROM Contacts WHERE lastname <> 'x';"))?.message).toBe("Syntax Error on line 1: token '>' Unexpected GT(>), expected one of: VALUE");
    expect((await error('SELECT * FROM Contacts WHERE lastname IS NULL;'))?.message).toBe(
      "Syntax Error on line 1: token 'IS' Unexpected VALUE(IS), expected one of: EQ,LT,GT,LTE,GTE,NE,IN,LIKE",
    );
    expect(await error('SELECT nosuchfield FROM Contacts;')).toEqual({ message: "Permission to access '.nosuchfield.' attribute denied.", code: 'ACCESS_DENIED' });
    expect((await error('SELECT * FROM contacts;'))?.message).toBe('Permission to perform the operation is denied for name : contacts');
    expect((await error('DROP TABLE vtiger_users;'))?.message).toBe('Permission to perform the operation is denied for query');
    expect(await error('SELECT * FROM Contacts WHERE lastname = "x";')).toEqual({ message: 'Unknown Error while processing request', code: 'INTERNAL_SERVER_ERROR' });
  });

  it('compares modifiedtime literals in the user zone against stored instants', async () => {
    sim = await startVtigerSimulator({ timezone: 'America/New_York', seed: (store) => seedContacts(store, 3, { at: (i) => Date.UTC(2026, 5, 1, 12 + i) }) });
    const session = await login();
    const rows = (await call('GET', { operation: 'query', sessionName: session, query: "SELECT modifiedtime FROM Contacts WHERE modifiedtime >= '2026-06-01 09:00:00' ORDER BY modifiedtime;" })).json.result;
    expect(rows).toEqual([{ modifiedtime: '2026-06-01 09:00:00', id: '12x2' }, { modifiedtime: '2026-06-01 10:00:00', id: '12x3' }]);
  });
});

describe('sync', () => {
  it('pages by 100 rows plus ties, lists soft deletes, and answers lastModifiedTime as an int', async () => {
    const base = Date.UTC(2026, 0, 1);
    // 90 distinct seconds, then 30 rows sharing one second, then 10 more.
    sim = await startVtigerSimulator({ now: () => base + 500_000, seed: (store) => seedContacts(store, 130, { at: (i) => base + Math.min(i, 90) * 1000 + (i >= 120 ? (i - 119) * 1000 : 0) }) });
    const session = await login();
    await call('POST', { operation: 'delete', sessionName: session, id: '12x5' });
    const first = (await call('GET', { operation: 'sync', sessionName: session, modifiedTime: '1', elementType: 'Contacts', syncType: 'application' })).json.result;
    // 90 + all 30 tied rows (past the 100th), less 12x5 whose delete moved it to now.
    expect(first.updated).toHaveLength(119);
    expect([first.more, first.lastModifiedTime]).toEqual([true, (base + 90_000) / 1000]);
    expect(first.deleted).toEqual([]);
    const second = (await call('GET', { operation: 'sync', sessionName: session, modifiedTime: String(first.lastModifiedTime), elementType: 'Contacts', syncType: 'application' })).json.result;
    expect(second.updated.map((r: { id: string }) => r.id)).toEqual(Array.from({ length: 10 }, (_, i) => `12x${121 + i}`));
    expect([second.deleted, second.more]).toEqual([['12x5'], false]);
    expect(Object.keys(second)).toEqual(['updated', 'deleted', 'more', 'lastModifiedTime']);
  });

  it('keeps to the caller’s records without syncType, refuses application scope to non-admins, and crashes with 0', async () => {
    sim = await startVtigerSimulator({ seed: (store) => { seedContacts(store, 2); seedContacts(store, 1, { ownerId: 3 }); } });
    const session = await login();
    const mine = (await call('GET', { operation: 'sync', sessionName: session, modifiedTime: '1', elementType: 'Contacts' })).json.result;
    expect(mine.updated).toHaveLength(2);
    const withGroups = (await call('GET', { operation: 'sync', sessionName: session, modifiedTime: '1', elementType: 'Contacts', syncType: 'userandgroup' })).json.result;
    expect(withGroups.updated).toHaveLength(3);
    const clerk = await login(CLERK.username, CLERK.accessKey);
    expect((await call('GET', { operation: 'sync', sessionName: clerk, modifiedTime: '1', elementType: 'Contacts', syncType: 'application' })).json.error?.code).toBe('ACCESS_DENIED');
    expect((await call('GET', { operation: 'sync', sessionName: session, modifiedTime: '0', elementType: 'Contacts' })).status).toBe(500);
  });

  it('answers every sync (and logout) with an empty HTTP 500 when switched to the PHP 8 breakage', async () => {
    const session = await start({ syncBroken: true });
    const answer = await call('GET', { operation: 'sync', sessionName: session, modifiedTime: '1', elementType: 'Contacts', syncType: 'application' });
    expect([answer.status, answer.text]).toEqual([500, '']);
    expect((await call('POST', { operation: 'logout', sessionName: session })).status).toBe(500);
    expect((await call('GET', { operation: 'listtypes', sessionName: session })).json.success).toBe(true);
  });
});

describe('describe and listtypes', () => {
  it('describes modules with string idPrefix, mandatory flags and picklist defaults', async () => {
    const session = await start();
    const contacts = (await call('GET', { operation: 'describe', sessionName: session, elementType: 'Contacts' })).json.result;
    expect(Object.keys(contacts)).toEqual(['label', 'name', 'createable', 'updateable', 'deleteable', 'retrieveable', 'fields', 'idPrefix', 'isEntity', 'allowDuplicates', 'labelFields']);
    expect(contacts.idPrefix).toBe('12');
    expect(contacts.fields.filter((f: { mandatory: boolean }) => f.mandatory).map((f: { name: string }) => f.name)).toEqual(['lastname', 'assigned_user_id']);
    expect((await call('GET', { operation: 'describe', sessionName: session, elementType: 'Nope' })).json.error?.message).toBe('Permission to perform the operation is denied for name : Nope');
    const types = (await call('GET', { operation: 'listtypes', sessionName: session })).json.result;
    expect(types.types).toHaveLength(35);
    expect(types.information.Accounts).toEqual({ isEntity: true, label: 'Organizations', singular: 'Organization' });
  });
});

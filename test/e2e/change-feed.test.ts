// The change feed over graphql-ws and HTTP against the real gateway: replay then live with no gap
// or duplicate at the seam, filters, resuming from the last cursor, mutations and pulls arriving,
// a slow subscriber closed with 4429, malformed cursors refused naming `after`.
import { createClient, type Client } from 'graphql-ws';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { NewChange } from '../../src/events/change-log.js';
import { MemoryConnector } from '../support/memory-connector.js';
import { samplePerson } from '../support/sample-records.js';
import { startTestGateway, type TestGateway } from '../support/test-gateway.js';

type Event = { cursor: string; entity: string; id: string; op: string; origin: string | null; changedFields: string[]; person?: { displayName: string; familyName: string | null } | null };

const SUBSCRIPTION = `subscription($after: String, $entities: [EntityType!], $systems: [System!]) {
  changes(after: $after, entities: $entities, systems: $systems) { cursor entity id op origin changedFields }
}`;

let civi: MemoryConnector;
let gw: TestGateway;
const clients: Client[] = [];

beforeEach(async () => {
  civi = new MemoryConnector({ system: 'CIVICRM' });
  civi.seed('PERSON', samplePerson(), { remoteId: 'c1' });
  gw = await startTestGateway({ connectors: [civi] });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
  await gw.close();
});

function client(): Client {
  const c = createClient({ url: gw.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
  clients.push(c);
  return c;
}

/** Subscribes and collects events; `until` resolves once `count` have arrived. */
function subscribe(c: Client, variables: Record<string, unknown>, query = SUBSCRIPTION) {
  const events: Event[] = [];
  const errors: unknown[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const listening = gw.gateway.changes.listenerCount;
  const stop = c.subscribe<{ changes: Event }>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        if (result.data) events.push(result.data.changes);
        for (const w of waiters.filter((w) => events.length >= w.count)) w.resolve();
      },
      error: (err) => errors.push(err),
      complete: () => undefined,
    },
  );
  return {
    events,
    errors,
    stop,
    // graphql-ws sends no "subscribed" message: the stream is open once it follows the change log.
    ready: vi.waitFor(() => expect(gw.gateway.changes.listenerCount).toBe(listening + 1), { interval: 5 }),
    until: (count: number) => new Promise<void>((resolve) => (events.length >= count ? resolve() : waiters.push({ count, resolve }))),
  };
}

const change = (i: number, overrides: Partial<NewChange> = {}): NewChange => ({ entity: 'PERSON', id: `per_${i}`, op: 'UPDATED', origin: 'VTIGER', changedFields: ['emails'], ...overrides });

describe('subscription changes', () => {
  it('replays every change after the cursor, then follows live ones, with no gap or duplicate while changes keep coming', async () => {
    const log = gw.gateway.changes;
    for (let i = 0; i < 30; i++) await log.append(change(i));
    const from = log.after(null, 1_000)[10]!.cursor;
    // Appends run on while the subscription starts, replays and switches to live.
    const appending = (async () => {
      for (let i = 30; i < 330; i++) {
        await log.append(change(i));
        if (i % 25 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const sub = subscribe(client(), { after: from });
    await appending;
    const expected = log.after(from, 10_000).map((e) => e.cursor);
    await sub.until(expected.length);
    expect(sub.errors).toEqual([]);
    expect(sub.events.map((e) => e.cursor)).toEqual(expected);
    expect(expected[0]! > from).toBe(true);

    const live = await log.append(change(999));
    await sub.until(expected.length + 1);
    expect(sub.events.at(-1)).toMatchObject({ cursor: live.cursor, id: 'per_999' });
    expect(sub.events).toHaveLength(expected.length + 1);
  });

  it('without after, sends live changes only', async () => {
    const log = gw.gateway.changes;
    await log.append(change(1));
    const sub = subscribe(client(), {});
    await sub.ready;
    const live = await log.append(change(2));
    await sub.until(1);
    expect(sub.events.map((e) => e.cursor)).toEqual([live.cursor]);
  });

  it('applies entities and systems filters to the replay and to live changes', async () => {
    const log = gw.gateway.changes;
    const start = log.lastCursor;
    await log.append(change(1, { entity: 'ORGANIZATION', id: 'org_1', origin: 'VTIGER' }));
    await log.append(change(2, { entity: 'ORGANIZATION', id: 'org_2', origin: 'CIVICRM' }));
    await log.append(change(3, { entity: 'PERSON', origin: 'VTIGER' }));
    await log.append(change(4, { entity: 'ORGANIZATION', id: 'org_4', origin: null }));
    const sub = subscribe(client(), { after: start, entities: ['ORGANIZATION'], systems: ['VTIGER'] });
    await sub.until(1);
    await log.append(change(5, { entity: 'PERSON', origin: 'VTIGER' }));
    await log.append(change(6, { entity: 'ORGANIZATION', id: 'org_6', origin: 'CIVICRM' }));
    await log.append(change(7, { entity: 'ORGANIZATION', id: 'org_7', origin: 'VTIGER' }));
    await sub.until(2);
    expect(sub.events.map((e) => e.id)).toEqual(['org_1', 'org_7']);
  });

  it('resumes from the last cursor a client received after it reconnects, missing nothing', async () => {
    const log = gw.gateway.changes;
    const start = log.lastCursor;
    for (let i = 0; i < 5; i++) await log.append(change(i));
    const first = client();
    const sub = subscribe(first, { after: start });
    await sub.until(5);
    // What the client holds when it goes: anything the old socket still receives is dropped with it.
    const seen = [...sub.events];
    void first.dispose();
    for (let i = 5; i < 9; i++) await log.append(change(i));
    const resumed = subscribe(client(), { after: seen.at(-1)!.cursor });
    await resumed.until(4);
    await log.append(change(9));
    await resumed.until(5);
    expect([...seen, ...resumed.events].map((e) => e.id)).toEqual(Array.from({ length: 10 }, (_, i) => `per_${i}`));
    // The first connection's stream stopped following the log when it closed.
    await vi.waitFor(() => expect(gw.gateway.changes.listenerCount).toBe(1));
  });

  it('delivers a mutation’s change with the object as it is now', async () => {
    const sub = subscribe(client(), {}, `subscription { changes { cursor op origin entity changedFields person { displayName } } }`);
    await sub.ready;
    const res = await gw.query(`mutation { createPerson(input: { givenName: "Grace", familyName: "Hopper" }) { person { id } } }`);
    expect(res.errors).toBeUndefined();
    await sub.until(1);
    expect(sub.events[0]).toMatchObject({ op: 'CREATED', origin: null, entity: 'PERSON', person: { displayName: 'Grace Hopper' } });
    expect(sub.events[0]!.changedFields).toEqual(expect.arrayContaining(['givenName', 'familyName', 'sources']));
  });

  it('delivers a change the indexer pulled, with its origin and changed fields', async () => {
    const sub = subscribe(client(), {}, `subscription { changes { op origin changedFields person { familyName } } }`);
    await sub.ready;
    civi.edit('PERSON', 'c1', { familyName: 'King' });
    await gw.gateway.indexer.runOnce();
    await sub.until(1);
    expect(sub.events).toEqual([{ op: 'UPDATED', origin: 'CIVICRM', changedFields: ['familyName'], person: { familyName: 'King' } }]);
  });

  it('refuses a malformed after, naming the argument', async () => {
    const sub = subscribe(client(), { after: 'yesterday' });
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (sub.errors.length > 0) {
          clearInterval(check);
          resolve();
        }
      }, 10);
    });
    expect(sub.errors).toEqual([
      expect.objectContaining({
        message: 'Argument "after" must be a change cursor returned by the change feed, but got: "yesterday"',
        extensions: { code: 'BAD_USER_INPUT', argument: 'after' },
      }),
    ]);
  });
});

describe('a slow subscriber', () => {
  it('is closed with 4429 and the cursor to resume from once its buffer is full, instead of buffering without bound', async () => {
    await gw.close();
    gw = await startTestGateway({ connectors: [civi], maxBufferedChanges: 5 });
    const socket = new WebSocket(gw.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const messages: { type: string; payload?: { data?: { changes: Event } } }[] = [];
    const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    socket.on('message', (data) => messages.push(JSON.parse(data.toString())));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await new Promise<void>((resolve) => socket.once('message', () => resolve()));
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: SUBSCRIPTION } }));
    // A ping answered means the subscribe message before it has been read.
    socket.send(JSON.stringify({ type: 'ping' }));
    await new Promise<void>((resolve) => socket.on('message', (data) => JSON.parse(data.toString()).type === 'pong' && resolve()));

    // A burst the subscriber cannot take while its first event is still being sent.
    const log = gw.gateway.changes;
    await Promise.all(Array.from({ length: 50 }, (_, i) => log.append(change(i))));
    const { code, reason } = await closed;
    expect(code).toBe(4429);
    const received = messages.filter((m) => m.type === 'next').map((m) => m.payload!.data!.changes.cursor);
    expect(received.length).toBeLessThan(50);
    expect(reason).toBe(`subscriber too slow; resume with after=${received.at(-1)}`);
  });
});

describe('the graphql-ws protocol', () => {
  it('answers ping with pong, and a client complete ends the subscription so it stops following the log', async () => {
    const socket = new WebSocket(gw.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const messages: { type: string; id?: string }[] = [];
    const arrived = (type: string) => vi.waitFor(() => expect(messages.map((m) => m.type)).toContain(type), { interval: 5 });
    socket.on('message', (data) => messages.push(JSON.parse(data.toString())));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await arrived('connection_ack');
    socket.send(JSON.stringify({ type: 'ping' }));
    await arrived('pong');
    socket.send(JSON.stringify({ id: 's1', type: 'subscribe', payload: { query: SUBSCRIPTION } }));
    await vi.waitFor(() => expect(gw.gateway.changes.listenerCount).toBe(1), { interval: 5 });
    await gw.gateway.changes.append(change(1));
    await arrived('next');
    socket.send(JSON.stringify({ id: 's1', type: 'complete' }));
    await vi.waitFor(() => expect(gw.gateway.changes.listenerCount).toBe(0), { interval: 5 });
    socket.close(1000);
  });
});

describe('query changes', () => {
  it('pages through the log after a cursor with filters, and refuses a malformed cursor naming after', async () => {
    const log = gw.gateway.changes;
    const start = log.lastCursor;
    for (let i = 0; i < 5; i++) await log.append(change(i, i === 2 ? { entity: 'DONATION', id: 'don_2' } : {}));
    const query = `query($after: String, $first: Int, $entities: [EntityType!]) {
      changes(after: $after, first: $first, entities: $entities) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id op origin } } }
    }`;
    const first = await gw.query(query, { after: start, first: 2, entities: ['PERSON'] });
    expect(first.errors).toBeUndefined();
    expect(first.data!.changes.totalCount).toBe(4);
    expect(first.data!.changes.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(['per_0', 'per_1']);
    expect(first.data!.changes.pageInfo.hasNextPage).toBe(true);
    const second = await gw.query(query, { after: first.data!.changes.pageInfo.endCursor, first: 10, entities: ['PERSON'] });
    expect(second.data!.changes.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(['per_3', 'per_4']);
    expect(second.data!.changes.pageInfo.hasNextPage).toBe(false);

    const merged = await log.append(change(5, { op: 'MERGED', origin: null, changedFields: ['sources'], mergedIds: ['per_6'] }));
    const mergedPage = await gw.query(`query($after: String) { changes(after: $after) { edges { node { id op mergedIds person { id } } } } }`, { after: second.data!.changes.pageInfo.endCursor });
    expect(mergedPage.data!.changes.edges).toEqual([{ node: { id: 'per_5', op: 'MERGED', mergedIds: ['per_6'], person: null } }]);
    expect(merged.cursor > second.data!.changes.pageInfo.endCursor).toBe(true);

    const bad = await gw.query(query, { after: 'abc' });
    expect(bad.errors).toEqual([expect.objectContaining({ message: 'Argument "after" must be a change cursor returned by the change feed, but got: "abc"', extensions: { code: 'BAD_USER_INPUT', argument: 'after' } })]);
  });
});

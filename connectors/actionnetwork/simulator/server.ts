// A real HTTP server reproducing the Action Network API v2 closely enough to run the connector against.
import type { ServerResponse } from 'node:http';
import type { z } from 'zod';
import { FaultInjector } from '../../simulator/fault-injector.js';
import { sendJson, sendText } from '../../simulator/http-helpers.js';
import type { RequestInfo } from '../../simulator/request-info.js';
import { RequestLog } from '../../simulator/request-log.js';
import { createSimulatorHandler } from '../../simulator/simulator-handler.js';
import { startSimulatorServer } from '../../simulator/simulator-server.js';
import { HalWriter } from './hal.js';
import { FilterSyntaxError, matchesClause, parseFilter, type FieldKind } from './odata-filter.js';
import { RateWindow } from './rate-window.js';
import type { SimDonation, SimPerson } from './records.js';
import { donationBody, pageBody, personPutBody, signupBody, tagBody, taggingBody } from './request-bodies.js';
import { ActionNetworkStore, StoreRuleError } from './store.js';

export interface ActionNetworkSimulatorOptions {
  port?: number;
  host?: string;
  /** The one accepted OSDI-API-Token; defaults to "sim-actionnetwork-token". */
  apiToken?: string;
  /** Requests per second per token before 429; Action Network's documented 4 by default. */
  rateLimit?: number;
  /** Fills the store before the server answers. */
  seed?: (store: ActionNetworkStore) => void;
  /** Clock for timestamps and the rate window; tests may pin it. */
  now?: () => number;
}

export interface ActionNetworkSimulator {
  /** The API base, e.g. "http://127.0.0.1:5555/api/v2" — what ACTIONNETWORK_URL points at. */
  url: string;
  apiToken: string;
  store: ActionNetworkStore;
  requests: RequestLog;
  faults: FaultInjector;
  rate: RateWindow;
  close(): Promise<void>;
}

const API_PREFIX = '/api/v2';
const HAL_TYPE = { 'content-type': 'application/hal+json; charset=utf-8' };

const PEOPLE_FILTER_FIELDS: Record<string, [FieldKind, (p: SimPerson) => string | string[] | null]> = {
  email_address: ['email', (p) => p.email_addresses.map((e) => e.address)],
  given_name: ['text', (p) => p.given_name],
  family_name: ['text', (p) => p.family_name],
  modified_date: ['date', (p) => p.modified_date],
  created_date: ['date', (p) => p.created_date],
};
const DONATION_FILTER_FIELDS: Record<string, [FieldKind, (d: SimDonation) => string | null]> = {
  modified_date: ['date', (d) => d.modified_date],
  created_date: ['date', (d) => d.created_date],
};

/** An answer the route decided on; thrown so handlers read top to bottom. */
class Reply extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}

export async function startActionNetworkSimulator(options: ActionNetworkSimulatorOptions = {}): Promise<ActionNetworkSimulator> {
  const apiToken = options.apiToken ?? 'sim-actionnetwork-token';
  const now = options.now ?? Date.now;
  const store = new ActionNetworkStore({ now });
  options.seed?.(store);
  const requests = new RequestLog({ now });
  const faults = new FaultInjector();
  const rate = new RateWindow({ limit: options.rateLimit ?? 4, now });
  let hal = new HalWriter('http://unbound');

  const handle = (request: RequestInfo, res: ServerResponse): void => {
    // The Date header follows the simulator's clock, as clients time their change walks by it.
    const HAL = { ...HAL_TYPE, date: new Date(now()).toUTCString() };
    try {
      if (!request.path.startsWith(API_PREFIX)) throw new Reply(404, { error: 'Not found' });
      const token = headerOf(request, 'osdi-api-token');
      if (token !== apiToken) throw new Reply(401, { error: 'API Key invalid or not present' });
      const admitted = rate.admit(token);
      if (!admitted.ok) {
        throw new Reply(429, { error: 'You have exceeded the rate limit. Please wait and try again.' }, { 'retry-after': String(admitted.retryAfterSeconds) });
      }
      const segments = request.path.slice(API_PREFIX.length).split('/').filter(Boolean);
      const [status, body] = route(request, segments);
      // ?background_processing=true queues the write and answers at once with an empty body.
      if (request.method !== 'GET' && request.query.get('background_processing') === 'true') {
        sendText(res, 200, '', HAL);
        return;
      }
      sendJson(res, status, body, HAL);
    } catch (err) {
      if (err instanceof Reply) sendJson(res, err.status, err.body, { ...HAL, ...err.headers });
      else if (err instanceof StoreRuleError || err instanceof FilterSyntaxError) sendJson(res, 400, { error: err.message }, HAL);
      else throw err;
    }
  };

  function route(request: RequestInfo, segments: string[]): [number, unknown] {
    const { method, query } = request;
    const [collection, id, sub, subId] = segments;
    if (collection === undefined) return method === 'GET' ? [200, hal.entryPoint()] : notAllowed();
    switch (collection) {
      case 'people': {
        if (id === undefined) {
          if (method === 'GET') return [200, hal.collection('people', 'osdi:people', filtered([...store.people.values()], query, PEOPLE_FILTER_FIELDS), (p) => hal.person(p), query, false)];
          if (method === 'POST') {
            const body = parse(signupBody, request.body);
            return [200, hal.person(store.signup(body.person, body.add_tags ?? []).person)];
          }
          return notAllowed();
        }
        const person = store.people.get(id);
        if (!person) throw new Reply(404, { error: `Couldn't find person with id = ${id}` });
        if (sub === 'taggings' && method === 'GET') {
          const taggings = [...store.taggings.values()].filter((t) => t.personId === id);
          return [200, hal.collection(`people/${id}/taggings`, 'osdi:taggings', taggings, (t) => hal.tagging(t), query, true)];
        }
        if (sub === 'donations' && method === 'GET') {
          const donations = [...store.donations.values()].filter((d) => d.personId === id);
          return [200, hal.collection(`people/${id}/donations`, 'osdi:donations', donations, (d) => hal.donation(d), query, true)];
        }
        if (sub !== undefined) throw new Reply(404, { error: 'Not found' });
        if (method === 'GET') return [200, hal.person(person)];
        // People cannot be deleted through the API: PUT an unsubscribe instead.
        if (method === 'PUT') return [200, hal.person(store.update(id, parse(personPutBody, request.body)) ?? person)];
        return notAllowed();
      }
      case 'tags': {
        if (id === undefined) {
          if (method === 'GET') return [200, hal.collection('tags', 'osdi:tags', [...store.tags.values()], (t) => hal.tag(t), query, true)];
          if (method === 'POST') return [200, hal.tag(store.createTag(parse(tagBody, request.body).name))];
          return notAllowed();
        }
        const tag = store.tags.get(id);
        if (!tag) throw new Reply(404, { error: `Couldn't find tag with id = ${id}` });
        if (sub === undefined) return method === 'GET' ? [200, hal.tag(tag)] : notAllowed();
        if (sub !== 'taggings') throw new Reply(404, { error: 'Not found' });
        if (subId === undefined) {
          if (method === 'GET') {
            const taggings = [...store.taggings.values()].filter((t) => t.tagId === id);
            return [200, hal.collection(`tags/${id}/taggings`, 'osdi:taggings', taggings, (t) => hal.tagging(t), query, true)];
          }
          if (method === 'POST') {
            const personId = lastSegment(parse(taggingBody, request.body)._links['osdi:person'].href);
            if (!store.people.has(personId)) throw new Reply(400, { error: `Couldn't find person with id = ${personId}` });
            return [200, hal.tagging(store.tag(id, personId))];
          }
          return notAllowed();
        }
        const tagging = store.taggings.get(subId);
        if (!tagging || tagging.tagId !== id) throw new Reply(404, { error: `Couldn't find tagging with id = ${subId}` });
        if (method === 'GET') return [200, hal.tagging(tagging)];
        if (method === 'DELETE') {
          store.taggings.delete(subId);
          return [200, { notice: 'This tagging was successfully deleted.' }];
        }
        return notAllowed();
      }
      case 'donations': {
        if (id === undefined) {
          if (method !== 'GET') return notAllowed();
          return [200, hal.collection('donations', 'osdi:donations', filtered([...store.donations.values()], query, DONATION_FILTER_FIELDS), (d) => hal.donation(d), query, true)];
        }
        const donation = store.donations.get(id);
        if (!donation) throw new Reply(404, { error: `Couldn't find donation with id = ${id}` });
        return method === 'GET' && sub === undefined ? [200, hal.donation(donation)] : notAllowed();
      }
      case 'fundraising_pages': {
        if (id === undefined) {
          if (method === 'GET') return [200, hal.collection('fundraising_pages', 'osdi:fundraising_pages', [...store.pages.values()], (p) => hal.page(p), query, true)];
          if (method === 'POST') {
            const body = parse(pageBody, request.body);
            return [200, hal.page(store.createPage(body.title, body.origin_system ?? 'API'))];
          }
          return notAllowed();
        }
        const page = store.pages.get(id);
        if (!page) throw new Reply(404, { error: `Couldn't find fundraising_page with id = ${id}` });
        if (sub === undefined) return method === 'GET' ? [200, hal.page(page)] : notAllowed();
        if (sub !== 'donations') throw new Reply(404, { error: 'Not found' });
        if (method === 'GET') {
          const donations = [...store.donations.values()].filter((d) => d.pageId === id);
          return [200, hal.collection(`fundraising_pages/${id}/donations`, 'osdi:donations', donations, (d) => hal.donation(d), query, true)];
        }
        if (method === 'POST') {
          const body = parse(donationBody, request.body);
          const personId = lastSegment(body._links['osdi:person'].href);
          if (!store.people.has(personId)) throw new Reply(400, { error: `Couldn't find person with id = ${personId}` });
          const recurrence = body['action_network:recurrence'];
          return [
            200,
            hal.donation(
              store.donate(id, {
                recipients: body.recipients,
                currency: body.currency,
                personId,
                ...(body.created_date === undefined ? {} : { created_date: body.created_date }),
                ...(recurrence === undefined ? {} : { recurrence }),
              }),
            ),
          ];
        }
        return notAllowed();
      }
      default:
        throw new Reply(404, { error: 'Not found' });
    }
  }

  const server = await startSimulatorServer(createSimulatorHandler({ requests, faults, handle }), {
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.host === undefined ? {} : { host: options.host }),
  });
  hal = new HalWriter(`${server.url}${API_PREFIX}`);
  return { url: hal.base, apiToken, store, requests, faults, rate, close: () => server.close() };
}

function notAllowed(): never {
  throw new Reply(405, { error: 'Method not allowed' });
}

function headerOf(request: RequestInfo, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parse<S extends z.ZodType>(schema: S, text: string): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Reply(400, { error: 'The request body is not valid JSON' });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Reply(400, { error: `Invalid request: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}` });
  return parsed.data;
}

function lastSegment(href: string): string {
  return new URL(href, 'http://base.invalid').pathname.split('/').filter(Boolean).pop() ?? '';
}

function filtered<T>(items: T[], query: URLSearchParams, fields: Record<string, [FieldKind, (item: T) => string | string[] | null]>): T[] {
  const filter = query.get('filter');
  if (filter === null || filter.trim() === '') return items;
  const clauses = parseFilter(filter);
  for (const clause of clauses) {
    if (!fields[clause.field]) throw new FilterSyntaxError(`filtering on ${clause.field} is not supported; use one of ${Object.keys(fields).join(', ')}`);
  }
  return items.filter((item) =>
    clauses.every((clause) => {
      const [kind, read] = fields[clause.field] as [FieldKind, (item: T) => string | string[] | null];
      return matchesClause(read(item), kind, clause);
    }),
  );
}

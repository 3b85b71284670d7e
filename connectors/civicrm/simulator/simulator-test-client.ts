// A tiny undici client for the simulator's own tests: one APIv4 call, or a batch, over real HTTP.
import { request } from 'undici';
import type { CiviCrmSimulator } from './civicrm-simulator.js';

export interface CallOptions {
  readonly method?: 'GET' | 'POST';
  /** How the key travels: X-Civi-Auth (default), Authorization, the `_authx` field, or not at all. */
  readonly auth?: 'xheader' | 'header' | 'param' | 'none';
  readonly key?: string;
  /** Send X-Requested-With: XMLHttpRequest. */
  readonly xhr?: boolean;
  readonly index?: string;
  /** Replaces the JSON-encoded params with this raw text. */
  readonly rawParams?: string;
  readonly headers?: Record<string, string>;
}

export interface CallResponse {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  /** Parsed body; undefined when it is not JSON. */
  readonly json: Record<string, unknown> | undefined;
  /** Top-level keys in wire order (JSON.parse would reorder integer-like ones). */
  readonly keys: string[];
}

export async function callApi(
  sim: CiviCrmSimulator,
  entity: string,
  action: string,
  params?: unknown,
  options: CallOptions = {},
): Promise<CallResponse> {
  const fields = new URLSearchParams();
  if (options.rawParams !== undefined) fields.set('params', options.rawParams);
  else if (params !== undefined) fields.set('params', JSON.stringify(params));
  if (options.index !== undefined) fields.set('index', options.index);
  return send(sim, `${sim.url}/${entity}/${action}`, fields, options);
}

export async function callBatch(sim: CiviCrmSimulator, calls: unknown, options: CallOptions = {}): Promise<CallResponse> {
  return send(sim, sim.url, new URLSearchParams({ calls: JSON.stringify(calls) }), options);
}

async function send(sim: CiviCrmSimulator, url: string, fields: URLSearchParams, options: CallOptions): Promise<CallResponse> {
  const method = options.method ?? 'POST';
  const key = options.key ?? sim.apiKey;
  const auth = options.auth ?? 'xheader';
  const headers: Record<string, string> = { ...options.headers };
  if (auth === 'xheader') headers['x-civi-auth'] = `Bearer ${key}`;
  if (auth === 'header') headers.authorization = `Bearer ${key}`;
  if (auth === 'param') fields.set('_authx', `Bearer ${key}`);
  if (options.xhr) headers['x-requested-with'] = 'XMLHttpRequest';
  const res =
    method === 'GET'
      ? await request(`${url}?${fields.toString()}`, { method, headers })
      : await request(url, {
          method,
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
          body: fields.toString(),
        });
  const text = await res.body.text();
  const contentType = String(res.headers['content-type'] ?? '');
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: res.statusCode, contentType, text, json, keys: topLevelKeys(text) };
}

/** Keys of the outermost JSON object in the order they appear on the wire. */
function topLevelKeys(text: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let inString = false;
  let current = '';
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (inString) {
      if (c === '\\') {
        current += c + (text[++i] ?? '');
        continue;
      }
      if (c === '"') {
        inString = false;
        if (depth === 1 && expectKey) keys.push(JSON.parse(`"${current}"`) as string);
        continue;
      }
      current += c;
      continue;
    }
    if (c === '"') {
      inString = true;
      current = '';
      continue;
    }
    if (c === '{' || c === '[') {
      depth++;
      expectKey = c === '{' && depth === 1;
    } else if (c === '}' || c === ']') depth--;
    else if (c === ',' && depth === 1) expectKey = true;
    else if (c === ':' && depth === 1) expectKey = false;
  }
  return keys;
}

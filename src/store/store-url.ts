// Parses STORE_URL into the backend it names; every message echoes the URL without its password.
import { isAbsolute, resolve } from 'node:path';
import { GatewayError } from '../errors/gateway-error.js';

export const DEFAULT_STORE_URL = 'sqlite://.gateway/state.sqlite';

/** Prefix of every Redis key the gateway writes, unless `?prefix=` in the URL says otherwise. */
export const DEFAULT_REDIS_PREFIX = 'contact-gateway';

export type StoreLocation =
  | { kind: 'memory' }
  /** `path` is absolute: a relative STORE_URL path is resolved against the working directory. */
  | { kind: 'sqlite'; path: string }
  /** `url` is what the Redis client connects to (password included, never logged); `prefix` namespaces every key. */
  | { kind: 'redis'; url: string; prefix: string; redacted: string };

/** The URL with any password replaced by `***`, safe for messages and logs. */
export function redactStoreUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)([^@/?#]*)@/i, (_all, scheme: string, userinfo: string) => {
    const colon = userinfo.indexOf(':');
    return colon === -1 ? `${scheme}${userinfo}@` : `${scheme}${userinfo.slice(0, colon)}:***@`;
  });
}

// Redis SCAN patterns treat *?[]\ specially; a prefix made of these characters needs no escaping.
const REDIS_PREFIX_PATTERN = /^[A-Za-z0-9_.-]+$/;

export function parseStoreUrl(url: string, cwd: string = process.cwd()): StoreLocation {
  if (url === 'memory://' || url === 'memory:') return { kind: 'memory' };
  if (url.startsWith('sqlite://')) {
    const path = url.slice('sqlite://'.length);
    if (path === '') throw configError('STORE_URL must name a file after sqlite://, but got: sqlite://');
    return { kind: 'sqlite', path: isAbsolute(path) ? path : resolve(cwd, path) };
  }
  if (url.startsWith('redis://') || url.startsWith('rediss://')) return parseRedisUrl(url);
  throw configError(`STORE_URL must start with sqlite://, redis:// or memory://, but got: ${redactStoreUrl(url)}`);
}

function parseRedisUrl(url: string): StoreLocation {
  const redacted = redactStoreUrl(url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw configError(`STORE_URL must be a valid redis://host:port[/db] URL, but got: ${redacted}`);
  }
  if (parsed.hostname === '') throw configError(`STORE_URL must name a Redis host, but got: ${redacted}`);
  const db = parsed.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) {
    throw configError(`STORE_URL must end in a numeric Redis database (redis://host:port/0), but got: ${redacted}`);
  }
  const prefix = parsed.searchParams.get('prefix') ?? DEFAULT_REDIS_PREFIX;
  if (!REDIS_PREFIX_PATTERN.test(prefix)) {
    throw configError(`STORE_URL ?prefix= must use only letters, digits, '_', '.' and '-', but got: ${redacted}`);
  }
  // The client gets the URL without our own query parameter, which it would not understand.
  parsed.searchParams.delete('prefix');
  return { kind: 'redis', url: parsed.toString(), prefix, redacted };
}

function configError(message: string): GatewayError {
  return new GatewayError('CONFIG', message);
}

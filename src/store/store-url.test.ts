import { describe, expect, it } from 'vitest';
import { parseStoreUrl, redactStoreUrl } from './store-url.js';

describe('parseStoreUrl', () => {
  it('resolves a relative sqlite path against the working directory', () => {
    expect(parseStoreUrl('sqlite://.gateway/state.sqlite', '/srv/app')).toEqual({ kind: 'sqlite', path: '/srv/app/.gateway/state.sqlite' });
    expect(parseStoreUrl('sqlite:///var/lib/gw.sqlite', '/srv/app')).toEqual({ kind: 'sqlite', path: '/var/lib/gw.sqlite' });
  });

  it('reads redis host, port, database and key prefix', () => {
    expect(parseStoreUrl('redis://127.0.0.1:6379')).toMatchObject({ kind: 'redis', url: 'redis://127.0.0.1:6379', prefix: 'contact-gateway' });
    expect(parseStoreUrl('redis://:s3cret@cache:6380/2?prefix=gw-1')).toEqual({
      kind: 'redis',
      url: 'redis://:s3cret@cache:6380/2',
      prefix: 'gw-1',
      redacted: 'redis://:***@cache:6380/2?prefix=gw-1',
    });
  });

  it('accepts memory://', () => {
    expect(parseStoreUrl('memory://')).toEqual({ kind: 'memory' });
  });

  it('names the variable, the schemes and the value — without its password — for an unknown scheme', () => {
    expect(() => parseStoreUrl('postgres://admin:hunter2@db/gw')).toThrowError(
      expect.objectContaining({ code: 'CONFIG', message: 'STORE_URL must start with sqlite://, redis:// or memory://, but got: postgres://admin:***@db/gw' }),
    );
    expect(() => parseStoreUrl('state.sqlite')).toThrowError('STORE_URL must start with sqlite://, redis:// or memory://, but got: state.sqlite');
  });

  it('refuses a sqlite URL without a file, a non-numeric redis database and an unsafe prefix', () => {
    expect(() => parseStoreUrl('sqlite://')).toThrowError('STORE_URL must name a file after sqlite://, but got: sqlite://');
    expect(() => parseStoreUrl('redis://u:pw@h:1/cache')).toThrowError('STORE_URL must end in a numeric Redis database (redis://host:port/0), but got: redis://u:***@h:1/cache');
    expect(() => parseStoreUrl('redis://h:1?prefix=a*b')).toThrowError(/STORE_URL \?prefix= must use only letters/);
  });
});

describe('redactStoreUrl', () => {
  it('hides only the password', () => {
    expect(redactStoreUrl('redis://user:pw@host:1/0')).toBe('redis://user:***@host:1/0');
    expect(redactStoreUrl('redis://user@host:1')).toBe('redis://user@host:1');
    expect(redactStoreUrl('redis://host:1')).toBe('redis://host:1');
  });
});

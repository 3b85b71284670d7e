import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from './content-hash.js';

describe('contentHash', () => {
  it('ignores object key order at every level', () => {
    expect(contentHash({ a: 1, b: { c: [1, { d: 2, e: 3 }], f: null } })).toBe(contentHash({ b: { f: null, c: [1, { e: 3, d: 2 }] }, a: 1 }));
  });

  it('sees array order, values and types', () => {
    expect(contentHash([1, 2])).not.toBe(contentHash([2, 1]));
    expect(contentHash({ a: '1' })).not.toBe(contentHash({ a: 1 }));
    expect(contentHash({ a: null })).not.toBe(contentHash({}));
  });

  it('leaves undefined members out, as JSON does', () => {
    expect(canonicalJson({ b: undefined, a: 'é' })).toBe('{"a":"é"}');
    expect(canonicalJson([undefined])).toBe('[null]');
  });
});

// The simulators' json_encode: the bytes a PHP CRM would send for the same data.
import { describe, expect, it } from 'vitest';
import { encodePhpJson } from './php-json.js';

describe('encodePhpJson', () => {
  it('escapes "/" and non-ASCII characters as json_encode does, leaving DEL as it is', () => {
    expect(encodePhpJson({ url: 'https://x.example/a' })).toBe('{"url":"https:\\/\\/x.example\\/a"}');
    expect(encodePhpJson('Zoë Ångström')).toBe('"Zo\\u00eb \\u00c5ngstr\\u00f6m"');
    expect(encodePhpJson('\u0080\uffff')).toBe('"\\u0080\\uffff"');
    expect(encodePhpJson('a\u007fb')).toBe('"a\u007fb"');
    expect(encodePhpJson('🙂')).toBe('"\\ud83d\\ude42"');
    expect(encodePhpJson('tab\tquote"')).toBe('"tab\\tquote\\""');
  });

  it('keeps a Map in insertion order, integer-like keys included, and writes an empty one as []', () => {
    expect(encodePhpJson(new Map<number, unknown>([[7, { id: 7 }], [2, { id: 2 }]]))).toBe('{"7":{"id":7},"2":{"id":2}}');
    expect(encodePhpJson({ values: new Map() })).toBe('{"values":[]}');
  });

  it('writes plain values like JSON.stringify: undefined properties left out, undefined array items null', () => {
    expect(encodePhpJson({ a: 1, b: undefined, c: [true, null, undefined], d: {} })).toBe('{"a":1,"c":[true,null,null],"d":{}}');
    expect(encodePhpJson(undefined)).toBe('null');
  });
});

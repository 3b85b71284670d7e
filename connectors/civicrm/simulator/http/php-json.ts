// Serialises like PHP's json_encode: key order kept as built, `\/` and `\uXXXX` escapes.

/**
 * PHP arrays keep insertion order even for integer-like keys ("index by id" results),
 * which plain JS objects reorder; such objects are built as Maps and encoded in order.
 * An empty Map is an empty PHP array, which json_encode writes as `[]`.
 */
export function encodePhpJson(value: unknown): string {
  // json_encode without flags escapes "/" and every non-ASCII character; clients see the
  // same data either way, but byte-level fixtures match real responses.
  return encode(value)
    .replace(/\//g, '\\/')
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function encode(value: unknown): string {
  if (value instanceof Map) {
    if (value.size === 0) return '[]';
    return `{${[...value].map(([k, v]) => `${JSON.stringify(String(k))}:${encode(v)}`).join(',')}}`;
  }
  if (Array.isArray(value)) return `[${value.map((v) => encode(v)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${encode(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

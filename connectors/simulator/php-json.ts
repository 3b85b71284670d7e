// Serialises like PHP's json_encode without flags, as the PHP CRMs answer: key order kept as
// built, "\/" and \uXXXX escapes.

/**
 * PHP arrays keep insertion order even for integer-like keys ("index by id" results),
 * which plain JS objects reorder; such objects are built as Maps and encoded in order.
 * An empty Map is an empty PHP array, which json_encode writes as `[]`.
 */
export function encodePhpJson(value: unknown): string {
  // json_encode escapes "/" and every non-ASCII character (U+0080 up; DEL is ASCII and stays as
  // it is); clients see the same data either way, but byte-level fixtures match real responses.
  // Characters past U+FFFF are two UTF-16 units here and come out as a surrogate pair, as in PHP.
  return encode(value)
    .replace(/\//g, '\\/')
    .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
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

import { describe, expect, it } from 'vitest';
import { matchesClause, parseFilter } from './odata-filter.js';

describe('parseFilter', () => {
  it('reads clauses joined by and, with quoted values that may contain the word and escaped quotes', () => {
    expect(parseFilter("modified_date gt '2026-01-01T00:00:00Z' and family_name eq 'Brand and O''Neil'")).toEqual([
      { field: 'modified_date', operator: 'gt', value: '2026-01-01T00:00:00Z' },
      { field: 'family_name', operator: 'eq', value: "Brand and O'Neil" },
    ]);
  });

  it('refuses an unquoted value, as Action Network documents only the quoted form', () => {
    expect(() => parseFilter('modified_date gt 2026-01-01')).toThrow(`filter clauses must look like "field eq|lt|gt 'value'", but got: modified_date gt 2026-01-01`);
  });
});

describe('matchesClause', () => {
  it('compares dates as instants and accepts date-only values', () => {
    const [clause] = parseFilter("modified_date gt '2026-01-01'");
    expect(matchesClause('2026-01-01T00:00:01Z', 'date', clause!)).toBe(true);
    expect(matchesClause('2026-01-01T00:00:00Z', 'date', clause!)).toBe(false);
  });

  it('matches emails ignoring case and names exactly', () => {
    const [email] = parseFilter("email_address eq 'Ann@Example.org'");
    const [name] = parseFilter("given_name eq 'ann'");
    expect(matchesClause(['x@y.z', 'ann@example.org'], 'email', email!)).toBe(true);
    expect(matchesClause('Ann', 'text', name!)).toBe(false);
  });
});

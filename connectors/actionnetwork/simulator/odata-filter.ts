// The OData subset Action Network accepts in `?filter=`: `field eq|lt|gt 'value'` clauses joined by ` and `.

export type FilterOperator = 'eq' | 'lt' | 'gt';

export interface FilterClause {
  field: string;
  operator: FilterOperator;
  value: string;
}

/** A filter the simulator cannot read; the server answers it with 400 and this message. */
export class FilterSyntaxError extends Error {
  override readonly name = 'FilterSyntaxError';
}

const CLAUSE = /^\s*([a-z_]+)\s+(eq|lt|gt)\s+'((?:[^']|'')*)'\s*$/;

/** Parses "modified_date gt '2026-01-01T00:00:00Z' and given_name eq 'Ann'"; values must be single-quoted. */
export function parseFilter(filter: string): FilterClause[] {
  return splitClauses(filter).map((text) => {
    const match = CLAUSE.exec(text);
    if (!match?.[1] || !match[2] || match[3] === undefined) {
      throw new FilterSyntaxError(`filter clauses must look like "field eq|lt|gt 'value'", but got: ${text.trim()}`);
    }
    return { field: match[1], operator: match[2] as FilterOperator, value: match[3].replaceAll("''", "'") };
  });
}

/** Splits on " and " outside quotes, so a quoted value may itself contain the word. */
function splitClauses(filter: string): string[] {
  const clauses: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < filter.length; i++) {
    const char = filter[i];
    if (char === "'") quoted = !quoted;
    if (!quoted && filter.slice(i, i + 5).toLowerCase() === ' and ') {
      clauses.push(current);
      current = '';
      i += 4;
      continue;
    }
    current += char;
  }
  clauses.push(current);
  return clauses;
}

/** How one field of a record is compared: dates by instant (date-only values allowed), text exactly or ignoring case. */
export type FieldKind = 'date' | 'text' | 'email';

export function matchesClause(actual: string | readonly string[] | null, kind: FieldKind, clause: FilterClause): boolean {
  const values = actual === null ? [] : typeof actual === 'string' ? [actual] : actual;
  return values.some((value) => compare(value, kind, clause));
}

function compare(actual: string, kind: FieldKind, clause: FilterClause): boolean {
  if (kind === 'date') {
    const left = Date.parse(actual);
    const right = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(clause.value) ? `${clause.value}T00:00:00Z` : clause.value);
    if (Number.isNaN(right)) throw new FilterSyntaxError(`a date filter needs an ISO 8601 value, but got: '${clause.value}'`);
    return clause.operator === 'eq' ? left === right : clause.operator === 'lt' ? left < right : left > right;
  }
  const left = kind === 'email' ? actual.toLowerCase() : actual;
  const right = kind === 'email' ? clause.value.toLowerCase() : clause.value;
  return clause.operator === 'eq' ? left === right : clause.operator === 'lt' ? left < right : left > right;
}

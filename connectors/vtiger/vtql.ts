// Builds the VTQL statements the client sends (VT: include/Webservices/VTQL_Parser.php grammar).

/** Vtiger returns at most this many rows per query, whatever LIMIT asks for. */
export const VTQL_ROW_CAP = 100;

export interface VtqlSelect {
  module: string;
  /** Column names, or all columns when absent. */
  columns?: readonly string[];
  /** A condition built with the helpers below. */
  where?: string;
  orderBy?: readonly string[];
  offset?: number;
  limit?: number;
}

/**
 * A single-quoted literal. The values the gateway puts in conditions are ids and timestamps; a
 * quote or backslash inside one is escaped rather than trusted, so no value can end the literal.
 */
export function literal(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function equals(column: string, value: string): string {
  return `${column} = ${literal(value)}`;
}

export function greaterThan(column: string, value: string): string {
  return `${column} > ${literal(value)}`;
}

export function inList(column: string, values: readonly string[]): string {
  return `${column} IN (${values.map(literal).join(',')})`;
}

/** The statement, with the `;` Vtiger requires ("expected one of: SEMICOLON" otherwise). */
export function selectStatement(select: VtqlSelect): string {
  const columns = select.columns && select.columns.length > 0 ? select.columns.join(', ') : '*';
  let statement = `SELECT ${columns} FROM ${select.module}`;
  if (select.where) statement += ` WHERE ${select.where}`;
  if (select.orderBy && select.orderBy.length > 0) statement += ` ORDER BY ${select.orderBy.join(', ')}`;
  if (select.limit !== undefined) {
    statement += select.offset ? ` LIMIT ${select.offset}, ${select.limit}` : ` LIMIT ${select.limit}`;
  }
  return `${statement};`;
}

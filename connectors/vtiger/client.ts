// Vtiger's webservice operations as typed calls; HTTP and sessions only, no mapping.
import { isGatewayError } from '../../src/errors/gateway-error.js';
import type { UpstreamHttpOptions } from '../../src/http/upstream-http.js';
import { parseResult } from './parse-result.js';
import {
  deleteResultSchema,
  describeSchema,
  listTypesSchema,
  recordListSchema,
  recordSchema,
  syncResultSchema,
  type DescribeResult,
  type ListTypesResult,
  type SyncResult,
  type VtigerRecord,
} from './raw.js';
import { VtigerSession, type VtigerCredentials } from './session.js';
import { inList, selectStatement, VTQL_ROW_CAP, type VtqlSelect } from './vtql.js';
import { VtigerWebservice } from './webservice.js';

export interface VtigerClientOptions extends Omit<UpstreamHttpOptions, 'system' | 'baseUrl'> {
  /** Site base; webservice.php is appended. */
  siteUrl: string;
  credentials: VtigerCredentials;
}

/** Whom `sync` covers: the caller's records, theirs and their groups', or everything (admin only). */
export type SyncType = 'user' | 'userandgroup' | 'application';

/** A JSON element for create/revise: field values, plus LineItems on inventory modules. */
export type VtigerElement = Record<string, string | readonly Record<string, string>[]>;

export class VtigerClient {
  private readonly webservice: VtigerWebservice;
  private readonly session: VtigerSession;

  constructor(options: VtigerClientOptions) {
    const { siteUrl, credentials, ...http } = options;
    this.webservice = new VtigerWebservice({ ...http, siteUrl });
    this.session = new VtigerSession(this.webservice, credentials);
  }

  get logins(): number {
    return this.session.logins;
  }

  userId(): Promise<string> {
    return this.session.userId();
  }

  /** VT docs "List Types": the modules this user may use. */
  async listTypes(): Promise<ListTypesResult> {
    const result = await this.session.call({ operation: 'listtypes', params: {}, label: 'listtypes' });
    return parseResult(listTypesSchema, result, 'listtypes');
  }

  /** VT docs "Describe": fields, mandatory flags, picklists and the module's id prefix. */
  async describe(module: string): Promise<DescribeResult> {
    const label = `describe ${module}`;
    return parseResult(describeSchema, await this.session.call({ operation: 'describe', params: { elementType: module }, label }), label);
  }

  /** VT docs "Query": one VTQL statement, one call; at most VTQL_ROW_CAP rows come back. */
  async query(statement: string): Promise<VtigerRecord[]> {
    const label = `query ${/\bFROM\s+([A-Za-z0-9_]+)/i.exec(statement)?.[1] ?? ''}`.trimEnd();
    return parseResult(recordListSchema, await this.session.call({ operation: 'query', params: { query: statement }, label }), label);
  }

  /**
   * Every row of `select`, one page of VTQL_ROW_CAP per call with LIMIT offset, n. The statement
   * must have an ORDER BY: without one Vtiger's row order differs between calls. A short page ends
   * the listing, so N rows take ⌈(N + 1) / 100⌉ calls.
   */
  async *queryPages(select: Omit<VtqlSelect, 'offset' | 'limit'>): AsyncGenerator<VtigerRecord[]> {
    for (let offset = 0; ; offset += VTQL_ROW_CAP) {
      const rows = await this.query(selectStatement({ ...select, offset, limit: VTQL_ROW_CAP }));
      if (rows.length > 0) yield rows;
      if (rows.length < VTQL_ROW_CAP) return;
    }
  }

  /**
   * Rows by id: one `WHERE id IN (…)` query per 100 distinct ids, matched by id (not position).
   * Ids absent from the result are missing or deleted.
   */
  async queryByIds(module: string, ids: readonly string[], columns?: readonly string[]): Promise<Map<string, VtigerRecord>> {
    const distinct = [...new Set(ids)];
    const found = new Map<string, VtigerRecord>();
    const chunks: string[][] = [];
    for (let i = 0; i < distinct.length; i += VTQL_ROW_CAP) chunks.push(distinct.slice(i, i + VTQL_ROW_CAP));
    const pages = await Promise.all(
      chunks.map((chunk) => this.query(selectStatement({ module, ...(columns ? { columns } : {}), where: inList('id', chunk), limit: VTQL_ROW_CAP }))),
    );
    for (const rows of pages) for (const row of rows) found.set(row.fields['id'] ?? '', row);
    return found;
  }

  /** VT docs "Retrieve": the full record (with LineItems on inventory modules), or null when missing or deleted. */
  async retrieve(id: string): Promise<VtigerRecord | null> {
    const label = `retrieve ${id}`;
    try {
      const result = await this.session.call({ operation: 'retrieve', params: { id }, label, accessDeniedMeansNotFound: true });
      return parseResult(recordSchema, result, label);
    } catch (err) {
      if (isGatewayError(err) && err.code === 'NOT_FOUND') return null;
      throw err;
    }
  }

  /** VT docs "Create": `element` must carry every mandatory field, `assigned_user_id` included. */
  async create(module: string, element: VtigerElement): Promise<VtigerRecord> {
    const label = `create ${module}`;
    const result = await this.session.call({ operation: 'create', params: { elementType: module, element: JSON.stringify(element) }, label });
    return parseResult(recordSchema, result, label);
  }

  /** VT docs "Revise": changes only the fields sent (update would need the whole record). */
  async revise(id: string, changes: VtigerElement): Promise<VtigerRecord> {
    const label = `revise ${id}`;
    const element = JSON.stringify({ ...changes, id });
    const result = await this.session.call({ operation: 'revise', params: { element }, label, accessDeniedMeansNotFound: true });
    return parseResult(recordSchema, result, label);
  }

  /** VT docs "Delete": a soft delete; the id then appears in `sync`'s deleted list. */
  async delete(id: string): Promise<void> {
    const label = `delete ${id}`;
    const result = await this.session.call({ operation: 'delete', params: { id }, label, accessDeniedMeansNotFound: true });
    parseResult(deleteResultSchema, result, label);
  }

  /**
   * VT docs "Sync" (include/Webservices/GetUpdates.php): what changed after `modifiedTime` (epoch
   * seconds; 0 crashes, 1 means "from the start"), up to 100 distinct modification times plus
   * ties. On Vtiger 8.2 under PHP 8 every call answers an empty HTTP 500.
   */
  async sync(module: string, modifiedTime: number, syncType: SyncType): Promise<SyncResult> {
    const label = `sync ${module}`;
    const params = { modifiedTime: String(Math.max(1, Math.floor(modifiedTime))), elementType: module, syncType };
    return parseResult(syncResultSchema, await this.session.call({ operation: 'sync', params, label }), label);
  }

  async close(): Promise<void> {
    this.session.reset();
    await this.webservice.close();
  }
}

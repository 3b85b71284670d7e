// One call to Vtiger's webservice.php: parameters where Vtiger reads them, the envelope unwrapped.
import { UpstreamHttp, type UpstreamHttpOptions } from '../../src/http/upstream-http.js';
import { envelopeSchema } from './raw.js';
import { unreadableAnswer, vtigerError } from './vtiger-error.js';

/** Operations Vtiger registers as GET read their parameters only from the query string. */
const GET_OPERATIONS: ReadonlySet<string> = new Set(['getchallenge', 'listtypes', 'describe', 'retrieve', 'query', 'sync']);

export interface WebserviceCall {
  operation: string;
  params: Record<string, string>;
  /** Names the call in errors; never contains a secret. */
  label: string;
  /** Missing and deleted ids answer ACCESS_DENIED on a real Vtiger: read it as NOT_FOUND here. */
  accessDeniedMeansNotFound?: boolean;
}

export class VtigerWebservice {
  readonly http: UpstreamHttp;

  constructor(options: Omit<UpstreamHttpOptions, 'system' | 'baseUrl'> & { siteUrl: string }) {
    const { siteUrl, ...rest } = options;
    this.http = new UpstreamHttp({ ...rest, system: 'VTIGER', baseUrl: siteUrl });
  }

  /**
   * Sends the operation (VT: include/Webservices/OperationManager.php decides GET or POST per
   * operation) and returns `result`; throws a GatewayError built from Vtiger's error object, or
   * UPSTREAM_UNAVAILABLE for the empty HTTP 500 of an uncaught PHP error.
   */
  async call({ operation, params, label, accessDeniedMeansNotFound }: WebserviceCall): Promise<unknown> {
    const isGet = GET_OPERATIONS.has(operation);
    const fields = new URLSearchParams({ operation, ...params });
    const response = await this.http.send(
      isGet
        ? { method: 'GET', path: 'webservice.php', query: fields, idempotent: true, label }
        : {
            method: 'POST',
            path: 'webservice.php',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: fields.toString(),
            // Writes are not repeated after a 5xx: Vtiger may have applied them.
            idempotent: false,
            label,
          },
    );
    let json: unknown;
    try {
      json = JSON.parse(response.text);
    } catch {
      throw unreadableAnswer(label, response.status, response.text);
    }
    const envelope = envelopeSchema.safeParse(json);
    if (!envelope.success) throw unreadableAnswer(label, response.status, response.text);
    if (!envelope.data.success) {
      throw vtigerError(envelope.data.error, { label, accessDeniedMeansNotFound: accessDeniedMeansNotFound ?? false });
    }
    return envelope.data.result;
  }

  async close(): Promise<void> {
    await this.http.close();
  }
}

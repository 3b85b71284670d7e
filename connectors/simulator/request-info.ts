// What a simulator knows about one incoming request once its body has been read.
import type { IncomingHttpHeaders } from 'node:http';

/** One request as the simulator kit sees it: the body is already read (and capped), the URL already split. */
export interface RequestInfo {
  readonly method: string;
  /** Path without the query string, e.g. `/civicrm/ajax/api4/Contact/get`. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** The raw body as UTF-8 text; empty when the request had none. */
  readonly body: string;
}

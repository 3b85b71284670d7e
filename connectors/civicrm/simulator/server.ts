// Answers HTTP like CiviCRM 5.77 on WordPress: routing, AuthX, the CSRF and GET gates, envelopes.
import type { ServerResponse } from 'node:http';
import type { RequestInfo } from '../../simulator/request-info.js';
import { ApiError, CriticalError } from './api-error.js';
import type { Caller, CiviApi } from './civi-api.js';
import { authenticate, isWebServiceRequest, type AuthSettings } from './http/auth.js';
import { debugInfo, errorEnvelope, getOnlyWrites, securityAlert, successEnvelope } from './http/envelope.js';
import { applyIndex, parseIndex, selectForIndex } from './http/index-param.js';
import { jsonField, requestFields } from './http/request-fields.js';
import { sendApiJson, sendAuthFailure, sendCriticalErrorPage, sendLoginRedirect, sendNotFoundPage } from './http/responses.js';
import { isReadAction, route } from './http/routes.js';

export interface CiviCrmHttpSettings extends AuthSettings {
  /**
   * WordPress sends "200 OK" before CiviCRM sets its status, so every API error arrives
   * with HTTP 200 and the intended status only in the body (observed). False sends the
   * intended status instead, as Drupal or Standalone would.
   */
  readonly errorsAsHttp200: boolean;
}

interface CallOutcome {
  readonly body: Record<string, unknown>;
  /** The status CiviCRM intends; null for success. */
  readonly errorStatus: number | null;
}

export function createCiviCrmHandler(api: CiviApi, settings: CiviCrmHttpSettings) {
  const httpStatus = (intended: number | null): number => (intended === null || settings.errorsAsHttp200 ? 200 : intended);

  return function handle(request: RequestInfo, res: ServerResponse): void {
    const target = route(request);
    if (target.kind === 'not-found') return sendNotFoundPage(res);
    if (target.kind === 'wp-admin') return sendLoginRedirect(res, `${request.path}?${request.query.toString()}`);

    const fields = requestFields(request);
    const auth = authenticate(request, fields, settings);
    if (auth.kind === 'rejected') return sendAuthFailure(res, auth.message);
    if (!isWebServiceRequest(request, auth)) return sendApiJson(res, httpStatus(400), securityAlert());
    if (request.method === 'GET' && (target.kind === 'batch' || !isReadAction(target.action))) {
      return sendApiJson(res, httpStatus(405), getOnlyWrites());
    }
    const caller: Caller = auth.kind === 'user' ? 'user' : 'anonymous';

    try {
      if (target.kind === 'single') {
        const outcome = runCall(target.entity, target.action, jsonField(fields, 'params'), fields.get('index'), caller);
        return sendApiJson(res, httpStatus(outcome.errorStatus), outcome.body);
      }
      const calls = Object.entries(jsonField(fields, 'calls'));
      const outcomes = calls.map(([, call]) => runBatchCall(call, caller));
      // A batch is 200 as soon as one call succeeded (reference); otherwise UNCONFIRMED: the first failure's status.
      const failed = outcomes.every((o) => o.errorStatus !== null) && outcomes.length > 0;
      const body = new Map(calls.map(([key], i) => [key, (outcomes[i] as CallOutcome).body]));
      return sendApiJson(res, httpStatus(failed ? (outcomes[0]?.errorStatus ?? 500) : null), body);
    } catch (err) {
      if (err instanceof CriticalError) return sendCriticalErrorPage(res);
      throw err;
    }
  };

  function runBatchCall(call: unknown, caller: Caller): CallOutcome {
    if (!Array.isArray(call)) throw new CriticalError('each batch call must be [entity, action, params, index]');
    const [entity, action, params, index] = call as [unknown, unknown, unknown, unknown];
    if (params !== undefined && params !== null && typeof params !== 'object') throw new CriticalError('params must be an array');
    return runCall(String(entity ?? ''), String(action ?? ''), (params ?? {}) as Record<string, unknown>, index, caller);
  }

  function runCall(entity: string, action: string, params: Record<string, unknown>, rawIndex: unknown, caller: Caller): CallOutcome {
    try {
      const index = parseIndex(rawIndex);
      const prepared = selectForIndex(params, index);
      const result = api.execute({ entity, action, params: prepared.params, caller });
      const values = applyIndex(result.values, index, prepared.strip);
      const debug = params.debug === true && caller === 'user' ? debugInfo(action) : null;
      return { body: successEnvelope(entity, action, result, values, debug), errorStatus: null };
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      return { body: errorEnvelope(err, caller), errorStatus: err.status };
    }
  }
}

// Dispatches one APIv4 call (entity, action, params) to its action, as the caller it runs as.
import type { Action, ActionContext, ActionResult, CiviSite } from './actions/action-context.js';
import { runCreate } from './actions/create-action.js';
import { runDelete } from './actions/delete-action.js';
import { runGetActions, runGetFields } from './actions/get-fields-action.js';
import { runGet } from './actions/get-action.js';
import { runSave } from './actions/save-action.js';
import { runUpdate } from './actions/update-action.js';
import { ApiError, civiErrors } from './api-error.js';
import { planSelect } from './query/select.js';

/** Who the request authenticated as: the API key's contact, or nobody (cookie-less XHR). */
export type Caller = 'user' | 'anonymous';

export interface ApiCall {
  readonly entity: string;
  readonly action: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly caller: Caller;
}

const READ_ACTIONS = ['get', 'getFields', 'getActions'] as const;
const WRITE_ACTIONS = ['create', 'update', 'save', 'delete'] as const;

const ACTIONS: Readonly<Record<string, Action>> = {
  get: runGet,
  getFields: runGetFields,
  create: runCreate,
  update: runUpdate,
  save: runSave,
  delete: runDelete,
};

/**
 * Params real Civi honours but the simulator does not implement. Ignoring them would hand
 * a connector silently wrong rows, so they fail loudly with a message no real site sends.
 */
const UNSIMULATED_PARAMS = ['join', 'chain', 'groupBy', 'having'];

function rejectUnsimulated(params: Readonly<Record<string, unknown>>): void {
  for (const name of UNSIMULATED_PARAMS) {
    const value = params[name];
    const empty = value === undefined || value === null || (typeof value === 'object' && Object.keys(value).length === 0);
    if (!empty) throw new ApiError(`The CiviCRM simulator does not implement the "${name}" param (real CiviCRM does).`);
  }
}

export class CiviApi {
  constructor(private readonly deps: CiviSite) {}

  /**
   * Throws ApiError (becomes an error envelope) or CriticalError (becomes the HTML 500).
   * Anonymous callers lack "view all contacts" and every write permission: observed, their
   * gets succeed with no rows and their writes fail (masked, 403).
   */
  execute(call: ApiCall): ActionResult {
    const entity = this.deps.registry.find(call.entity);
    if (!entity) throw civiErrors.unknownEntity(call.entity, call.action);
    const actions: readonly string[] = entity.readOnly ? READ_ACTIONS : [...READ_ACTIONS, ...WRITE_ACTIONS];
    if (!actions.includes(call.action)) throw civiErrors.unknownAction(call.entity, call.action);
    rejectUnsimulated(call.params);
    const ctx: ActionContext = { ...this.deps, entity, action: call.action, params: call.params };
    if (call.caller === 'anonymous') {
      if (!call.action.startsWith('get')) throw civiErrors.unauthorized();
      const plan = call.action === 'get' ? planSelect(this.deps.registry, entity.name, call.params.select) : undefined;
      return { values: [], ...(plan?.rowCount ? { countMatched: 0 } : {}) };
    }
    if (call.action === 'getActions') return runGetActions(ctx, actions);
    return (ACTIONS[call.action] as Action)(ctx);
  }
}

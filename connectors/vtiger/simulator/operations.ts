// The webservice operations the simulator answers, declared as a table like vtiger_ws_operation.
import type { AuthBook, SimulatedUser } from './auth-book.js';
import { checkElement, decodeElement } from './element-rules.js';
import { MODULES, WS_ENTITIES, type FieldDef, type ModuleDef } from './modules.js';
import { runQuery } from './query-engine.js';
import type { RecordStore } from './record-store.js';
import { runSync } from './sync-operation.js';
import { parseVtql } from './vtql-parser.js';
import { PhpCrash, VtigerFault } from './vtiger-fault.js';

export interface OperationContext {
  /** Parameters where Vtiger reads them: the query string for GET operations, the form body for POST ones. */
  params: URLSearchParams;
  /** The session's user; null for prelogin operations. */
  user: SimulatedUser | null;
  sessionName: string | null;
  store: RecordStore;
  auth: AuthBook;
  /** PHP 8 breakage of 8.2.0: operations whose parameter names do not match crash with HTTP 500. */
  php8Breakage: { sync: boolean; logout: boolean };
}

/** A JSON result, or the HTML page Vtiger sends when a saved record's owner resolves to nobody. */
export type OperationAnswer = { result: unknown } | { html: string };

interface Operation {
  method: 'GET' | 'POST';
  prelogin: boolean;
  run(ctx: OperationContext): OperationAnswer;
}

function signedIn(ctx: OperationContext): SimulatedUser {
  if (!ctx.user) throw new VtigerFault('AUTHENTICATION_REQUIRED', 'Authencation required');
  return ctx.user;
}

function entityModule(name: string | null): ModuleDef {
  const module = name ? MODULES.get(name) : undefined;
  if (!module || !module.isEntity) throw VtigerFault.accessDenied();
  return module;
}

function describeField(field: FieldDef): Record<string, unknown> {
  const type: Record<string, unknown> = {};
  if (field.refersTo) type['refersTo'] = field.refersTo;
  if (field.picklist) {
    type['picklistValues'] = field.picklist.map((value) => ({ label: value, value }));
    type['defaultValue'] = field.picklist[0];
  }
  if (field.type === 'date') type['format'] = 'yyyy-mm-dd';
  type['name'] = field.type;
  const base: Record<string, unknown> = { name: field.name, label: field.label, mandatory: field.mandatory ?? false, type };
  if (field.name !== 'id') base['isunique'] = field.unique ?? false;
  return { ...base, nullable: !field.mandatory, editable: !field.readonly, default: '' };
}

export const OPERATIONS: Readonly<Record<string, Operation>> = {
  getchallenge: { method: 'GET', prelogin: true, run: (ctx) => ({ result: ctx.auth.challenge(ctx.params.get('username') ?? undefined) }) },

  login: {
    method: 'POST',
    prelogin: true,
    run: (ctx) => {
      const { sessionName, user } = ctx.auth.login(ctx.params.get('username') ?? undefined, ctx.params.get('accessKey') ?? undefined);
      return {
        result: {
          username: user.username, first_name: user.firstName, last_name: user.lastName, email: user.email,
          time_zone: user.timezone, hour_format: '12', date_format: 'yyyy-mm-dd', is_admin: user.isAdmin ? 'on' : 'off',
          call_duration: '5', other_event_duration: '5', sessionName, userId: `19x${user.id}`, version: '0.22', vtigerVersion: '8.2.0',
        },
      };
    },
  },

  logout: {
    method: 'POST',
    prelogin: false,
    run: (ctx) => {
      signedIn(ctx);
      if (ctx.php8Breakage.logout) throw new PhpCrash('Unknown named parameter $sessionName');
      if (ctx.sessionName) ctx.auth.end(ctx.sessionName);
      return { result: { message: 'successfull' } };
    },
  },

  listtypes: {
    method: 'GET',
    prelogin: false,
    run: (ctx) => {
      signedIn(ctx);
      let wanted: string[] | null = null;
      try {
        const parsed: unknown = JSON.parse(ctx.params.get('fieldTypeList') ?? '');
        if (Array.isArray(parsed)) wanted = parsed.map(String);
      } catch {
        // A non-JSON fieldTypeList is ignored: the full list comes back.
      }
      const types = WS_ENTITIES.filter(([name]) => !wanted || [...(MODULES.get(name)?.fields ?? [])].some((f) => wanted?.includes(f.type)));
      const information = Object.fromEntries(
        types.map(([name, , isEntity, label]) => [name, { isEntity, label: label ?? name, singular: MODULES.get(name)?.singular ?? name }]),
      );
      return { result: { types: types.map(([name]) => name), information } };
    },
  },

  describe: {
    method: 'GET',
    prelogin: false,
    run: (ctx) => {
      signedIn(ctx);
      const name = ctx.params.get('elementType') ?? '';
      const module = MODULES.get(name);
      if (!module) throw VtigerFault.accessDenied(` for name : ${name}`);
      return {
        result: {
          label: module.label, name: module.name, createable: module.isEntity, updateable: module.isEntity, deleteable: module.isEntity,
          retrieveable: true, fields: module.fields.map(describeField), idPrefix: module.idPrefix, isEntity: module.isEntity,
          allowDuplicates: false, labelFields: module.labelFields.join(','),
        },
      };
    },
  },

  retrieve: {
    method: 'GET',
    prelogin: false,
    run: (ctx) => {
      signedIn(ctx);
      return { result: ctx.store.render(ctx.store.resolve(ctx.params.get('id') ?? undefined)) };
    },
  },

  query: {
    method: 'GET',
    prelogin: false,
    run: (ctx) => {
      signedIn(ctx);
      return { result: runQuery(ctx.store, parseVtql(ctx.params.get('query') ?? '')) };
    },
  },

  sync: {
    method: 'GET',
    prelogin: false,
    run: (ctx) => {
      const user = signedIn(ctx);
      if (ctx.php8Breakage.sync) throw new PhpCrash('Unknown named parameter $modifiedTime');
      return { result: runSync(ctx.store, MODULES.get(ctx.params.get('elementType') ?? ''), user, ctx.params) };
    },
  },

  create: {
    method: 'POST',
    prelogin: false,
    run: (ctx) => {
      signedIn(ctx);
      const module = entityModule(ctx.params.get('elementType'));
      const checked = checkElement(ctx.store, module, decodeElement(ctx.params.get('element') ?? undefined), 'create');
      const record = ctx.store.insert(module, { ...checked.values, source: 'WEBSERVICE' }, checked.ownerId ?? 0, checked.lineItems);
      if (checked.orphanOwner) return { html: 'Sorry! Attempt to access restricted file.' };
      return { result: ctx.store.render(record) };
    },
  },

  update: { method: 'POST', prelogin: false, run: (ctx) => write(ctx, 'update') },
  revise: { method: 'POST', prelogin: false, run: (ctx) => write(ctx, 'revise') },

  delete: {
    method: 'POST',
    prelogin: false,
    run: (ctx) => {
      signedIn(ctx);
      ctx.store.remove(ctx.store.resolve(ctx.params.get('id') ?? undefined));
      return { result: { status: 'successful' } };
    },
  },
};

/** update needs every mandatory field in the element; revise checks only the fields it sends. */
function write(ctx: OperationContext, mode: 'update' | 'revise'): OperationAnswer {
  signedIn(ctx);
  const element = decodeElement(ctx.params.get('element') ?? undefined);
  const record = ctx.store.resolve(typeof element['id'] === 'string' ? element['id'] : undefined);
  const checked = checkElement(ctx.store, record.module, element, mode, record);
  ctx.store.change(record, checked.values, checked.ownerId, checked.lineItems);
  if (checked.orphanOwner) return { html: 'Sorry! Attempt to access restricted file.' };
  return { result: ctx.store.render(record) };
}

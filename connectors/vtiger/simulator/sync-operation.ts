// The sync operation as GetUpdates.php computes it: ≤ 100 rows by modification time plus ties.
import { GROUP_IDS, type RecordStore, type RenderedRecord } from './record-store.js';
import type { SimulatedUser } from './auth-book.js';
import type { ModuleDef } from './modules.js';
import { PhpCrash, VtigerFault } from './vtiger-fault.js';

export interface SyncAnswer {
  updated: RenderedRecord[];
  deleted: string[];
  more: boolean;
  lastModifiedTime: number;
}

const PAGE_ROWS = 100;

/**
 * Takes the first 100 rows (live or deleted) changed after `modifiedTime`, M = the newest of them,
 * then answers every row in (modifiedTime, M]: more than 100 when rows tie on M. Without syncType
 * only the caller's own records count; `userandgroup` adds group-owned ones; `application`
 * (admins only) everything.
 */
export function runSync(store: RecordStore, module: ModuleDef | undefined, user: SimulatedUser, params: URLSearchParams): SyncAnswer {
  const since = params.get('modifiedTime') ?? '';
  // On PHP 8 a 0 or a date string reaches strtotime/date arithmetic and throws a TypeError.
  if (!/^\d+$/.test(since) || Number(since) === 0) throw new PhpCrash('modifiedTime must be a positive epoch');
  if (!params.get('elementType')) throw new PhpCrash('sync without elementType fails in the database layer');
  if (!module) throw VtigerFault.accessDenied(` for name : ${params.get('elementType')}`);
  const syncType = params.get('syncType') ?? 'user';
  if (syncType === 'application' && !user.isAdmin) throw VtigerFault.accessDenied();
  const inScope = (ownerId: number): boolean =>
    syncType === 'application' || ownerId === user.id || (syncType === 'userandgroup' && GROUP_IDS.includes(ownerId));
  const sinceMs = Number(since) * 1000;
  const changed = store
    .everyRecord(module)
    .filter((r) => r.modifiedAt > sinceMs && inScope(r.ownerId))
    .sort((a, b) => a.modifiedAt - b.modifiedAt || a.crmid - b.crmid);
  const newest = changed.slice(0, PAGE_ROWS).at(-1);
  if (!newest) return { updated: [], deleted: [], more: false, lastModifiedTime: Number(since) };
  const page = changed.filter((r) => r.modifiedAt <= newest.modifiedAt);
  return {
    updated: page.filter((r) => !r.deleted).map((r) => store.render(r, true)),
    deleted: page.filter((r) => r.deleted).map((r) => `${module.idPrefix}x${r.crmid}`),
    more: changed.length > page.length,
    lastModifiedTime: Math.floor(newest.modifiedAt / 1000),
  };
}

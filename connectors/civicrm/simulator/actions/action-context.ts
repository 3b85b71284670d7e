// What every action receives, and readers for its params that fail like PHP's typed setters.
import { CriticalError } from '../api-error.js';
import type { SimulatorClock } from '../clock.js';
import type { RowReader } from '../query/row-reader.js';
import type { EntityRegistry } from '../schema/entity-registry.js';
import type { EntitySpec } from '../schema/field-spec.js';
import type { CiviStore } from '../store/civi-store.js';
import type { RowWriter } from '../write/row-writer.js';

/** The simulated site: what CiviApi is built from and hands on to every action. */
export interface CiviSite {
  readonly registry: EntityRegistry;
  readonly store: CiviStore;
  readonly reader: RowReader;
  readonly writer: RowWriter;
  readonly clock: SimulatorClock;
  readonly timeZone: string;
}

export interface ActionContext extends CiviSite {
  readonly entity: EntitySpec;
  readonly action: string;
  readonly params: Readonly<Record<string, unknown>>;
}

export interface ActionResult {
  readonly values: readonly Record<string, unknown>[];
  /** Set when `row_count` was selected: the total ignoring limit and offset. */
  readonly countMatched?: number;
}

export type Action = (ctx: ActionContext) => ActionResult;

/** An associative-array param (`values`, `defaults`); a JSON list counts as one with numeric keys. */
export function recordParam(params: Readonly<Record<string, unknown>>, name: string): Record<string, unknown> {
  const value = params[name];
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object') throw new CriticalError(`${name} must be an array`);
  return value as Record<string, unknown>;
}

/** A list param (`records`, `match`); PHP iterates an associative array's values the same way. */
export function listParam(params: Readonly<Record<string, unknown>>, name: string): unknown[] {
  const value = params[name];
  if (value === undefined || value === null) return [];
  if (typeof value !== 'object') throw new CriticalError(`${name} must be an array`);
  return Array.isArray(value) ? value : Object.values(value);
}

/** An int param (`limit`, `offset`); PHP accepts numeric strings and rejects the rest with a TypeError. */
export function intParam(params: Readonly<Record<string, unknown>>, name: string): number {
  const value = params[name];
  if (value === undefined || value === null) return 0;
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  if (!Number.isFinite(n)) throw new CriticalError(`${name} must be an int`);
  return Math.trunc(n);
}

export function boolParam(params: Readonly<Record<string, unknown>>, name: string, fallback: boolean): boolean {
  const value = params[name];
  if (value === undefined || value === null) return fallback;
  return value === true || value === 1 || value === '1' || value === 'true';
}

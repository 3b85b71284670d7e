// Reads environment variables from a declared table: one place decides what "unset" means, how a
// value is checked and how a wrong one is reported, for the core, every connector and integration.
import type { z } from 'zod';
import type { Env } from '../connectors/connector-module.js';
import { GatewayError } from './errors/gateway-error.js';
import type { System } from './model/system.js';

/**
 * The longest wait a variable may set: Node runs a timer longer than this after 1 ms instead
 * (TimeoutOverflowWarning), which would turn a long interval into nonstop polling or retrying.
 */
export const MAX_TIMER_MS = 2_147_483_647;

/** One variable: what the README says of it, how its value is read, and how an error quotes it. */
export interface EnvVariable {
  doc: string;
  /** Parses the (trimmed) text; the variable's value is this schema's output. */
  schema: z.ZodType;
  /** The contract as "NAME must be <expects>, but got: …" states it. */
  expects: string;
  /** The value never appears in an error message; "(hidden)" stands in for it. */
  secret?: boolean;
  /** Passed to the schema as given, surrounding spaces included (a key compared byte for byte). */
  verbatim?: boolean;
}

export type EnvTable = Readonly<Record<string, EnvVariable>>;

export class EnvVariables<T extends EnvTable> {
  /** Name → README line, in the table's order. */
  readonly docs: Readonly<Record<keyof T & string, string>>;

  /** `system`: the CRM the variables configure, carried by every error; none for the core's own. */
  constructor(
    private readonly table: T,
    private readonly system?: System,
  ) {
    this.docs = Object.fromEntries(Object.entries(table).map(([name, variable]) => [name, variable.doc])) as Record<
      keyof T & string,
      string
    >;
  }

  /**
   * The parsed value; undefined when the variable is unset or blank (blank counts as unset so an
   * `X=` line in a .env file means "use the default"); a CONFIG GatewayError when it is wrong.
   */
  read<N extends keyof T & string>(env: Env, name: N): z.output<T[N]['schema']> | undefined {
    const given = env[name];
    if (given === undefined || given.trim() === '') return undefined;
    const { schema, expects, secret, verbatim } = this.table[name] as EnvVariable;
    const parsed = schema.safeParse(verbatim === true ? given : given.trim());
    if (parsed.success) return parsed.data as z.output<T[N]['schema']>;
    throw this.error(`${name} must be ${expects}, but got: ${secret === true ? '(hidden)' : JSON.stringify(given)}`);
  }

  /** The error for a variable that another one makes necessary: "NAME must be set when <when>, but got: nothing". */
  missing(name: keyof T & string, when: string): GatewayError {
    return this.error(`${name} must be set when ${when}, but got: nothing`);
  }

  /** A CONFIG GatewayError for a rule across variables that the table cannot state. */
  error(message: string): GatewayError {
    return new GatewayError('CONFIG', message, this.system === undefined ? {} : { system: this.system });
  }
}

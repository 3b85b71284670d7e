// What a CRM folder exports so the core can configure, start and demo it without knowing the CRM.
import type { Logger } from 'pino';
import type { System } from '../src/model/system.js';
import type { Connector } from './connector.js';

/** Environment variables as the process received them. */
export type Env = Readonly<Record<string, string | undefined>>;

export interface ConnectorDeps {
  logger: Logger;
}

export interface DemoBackend<Config> {
  /** Configuration pointing the connector at the simulator that was started. */
  config: Config;
  /** Base URL of the running simulator, for logs. */
  url: string;
  /** The environment variables that point a gateway at this simulator (printed by `npm run simulators`). */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export interface ConnectorModule<Config> {
  system: System;
  /** The environment variables this connector reads, with one line each for the README and errors. */
  variables: Readonly<Record<string, string>>;
  /**
   * Reads this connector's variables: null when the connector is not configured (its URL and
   * credentials are unset); throws a GatewayError with code CONFIG naming the variable when a value is wrong.
   */
  readConfig(env: Env): Config | null;
  /** Milliseconds a cached record may be served instead of asking the CRM, unless READ_MAX_AGE_MS overrides. */
  defaultReadMaxAgeMs: number;
  create(config: Config, deps: ConnectorDeps): Connector;
  /** Starts this CRM's simulator in-process with deterministic demo data. */
  startDemo(options: { port?: number }): Promise<DemoBackend<Config>>;
}

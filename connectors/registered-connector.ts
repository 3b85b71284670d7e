// A connector module with its config type sealed in, so the core can hold all of them in one list.
import type { Connector } from './connector.js';
import type { ConnectorDeps, ConnectorModule, Env } from './connector-module.js';
import type { System } from '../src/model/system.js';

export interface RunningDemo {
  connector: Connector;
  url: string;
  env: Record<string, string>;
  stop(): Promise<void>;
}

export interface RegisteredConnector {
  system: System;
  variables: Readonly<Record<string, string>>;
  defaultReadMaxAgeMs: number;
  /** Validates this connector's variables (throws CONFIG errors); null when it is not configured. */
  configure(env: Env): ((deps: ConnectorDeps) => Connector) | null;
  startDemo(deps: ConnectorDeps, port?: number): Promise<RunningDemo>;
}

export function registerConnector<Config>(module: ConnectorModule<Config>): RegisteredConnector {
  return {
    system: module.system,
    variables: module.variables,
    defaultReadMaxAgeMs: module.defaultReadMaxAgeMs,
    configure(env) {
      const config = module.readConfig(env);
      return config === null ? null : (deps) => module.create(config, deps);
    },
    async startDemo(deps, port = 0) {
      const demo = await module.startDemo({ port });
      return { connector: module.create(demo.config, deps), url: demo.url, env: demo.env, stop: () => demo.stop() };
    },
  };
}

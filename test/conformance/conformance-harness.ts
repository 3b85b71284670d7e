// What a connector supplies to the shared conformance suite (see connector-conformance.ts).
import type { Connector } from '../../connectors/connector.js';
import type { FaultInjector } from '../../connectors/simulator/fault-injector.js';
import type { RequestLog } from '../../connectors/simulator/request-log.js';
import type { UnifiedData } from '../../src/model/entities.js';
import type { EntityType } from '../../src/model/system.js';

export type SampleRefs = Partial<Record<EntityType, string>>;

export interface ConformanceEnv {
  /** Pointed at the running simulator with valid credentials. */
  connector: Connector;
  /** Pointed at the same simulator with credentials the CRM rejects. */
  badCredentialsConnector: Connector;
  faults: FaultInjector;
  requests: RequestLog;
  pageSize: number;
  timeoutMs: number;
  seedMany(entity: EntityType, n: number): Promise<string[]>;
  sample<E extends EntityType>(entity: E, refs: SampleRefs): UnifiedData[E];
  unknownId(entity: EntityType): string;
  /** Closes both connectors and the simulator. */
  stop(): Promise<void>;
}

export interface ConformanceHarness {
  start(): Promise<ConformanceEnv>;
}

// Upstream failures met while answering one request: the answer goes out with what could be
// read, and these become errors next to the partial data (one per system).
import { GatewayError } from '../errors/gateway-error.js';
import type { System } from '../model/system.js';

export class UpstreamWarnings {
  private readonly bySystem = new Map<System, GatewayError>();

  add(system: System, cause: unknown): void {
    if (this.bySystem.has(system)) return;
    const reason = cause instanceof GatewayError ? cause.message : 'unexpected failure';
    this.bySystem.set(
      system,
      new GatewayError('UPSTREAM_UNAVAILABLE', `${system} could not be read: ${reason}`, { system, cause }),
    );
  }

  list(): GatewayError[] {
    return [...this.bySystem.values()];
  }
}

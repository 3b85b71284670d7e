// Lets tests provoke upstream failures (error statuses, slowness, dropped connections) on demand.
import type { ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { RequestInfo } from './request-info.js';

interface FaultScope {
  /** How many matching requests the fault applies to; defaults to 1, `Infinity` allowed. */
  readonly times?: number;
  /** Only requests for which this returns true are affected; defaults to all. */
  readonly match?: (request: RequestInfo) => boolean;
}

/** Answer with this status (and body/headers) instead of running the simulator. */
export interface StatusFault extends FaultScope {
  readonly kind: 'status';
  readonly status: number;
  readonly body?: string;
  readonly headers?: Record<string, string>;
}

/** Wait `ms` before handling the request normally. */
export interface LatencyFault extends FaultScope {
  readonly kind: 'latency';
  readonly ms: number;
}

/** Destroy the socket without sending anything. */
export interface DropFault extends FaultScope {
  readonly kind: 'drop';
}

export type Fault = StatusFault | LatencyFault | DropFault;

interface ArmedFault {
  readonly fault: Fault;
  remaining: number;
}

/**
 * Holds armed faults in the order they were injected. For each request the simulator
 * calls `intercept`: every matching latency fault delays it (and is used up), then the
 * first matching status or drop fault answers it. A fault whose `times` reaches zero is
 * removed.
 */
export class FaultInjector {
  #armed: ArmedFault[] = [];

  inject(fault: Fault): void {
    const times = fault.times ?? 1;
    if (!(times === Infinity || (Number.isInteger(times) && times > 0))) {
      throw new RangeError(`fault times must be a positive integer or Infinity, but got: ${String(times)}`);
    }
    if (fault.kind === 'status' && !(Number.isInteger(fault.status) && fault.status >= 100 && fault.status <= 599)) {
      throw new RangeError(`status fault needs an HTTP status between 100 and 599, but got: ${String(fault.status)}`);
    }
    if (fault.kind === 'latency' && !(Number.isFinite(fault.ms) && fault.ms >= 0)) {
      throw new RangeError(`latency fault needs ms >= 0, but got: ${String(fault.ms)}`);
    }
    this.#armed.push({ fault, remaining: times });
  }

  clear(): void {
    this.#armed = [];
  }

  /** Number of faults still armed. */
  get pending(): number {
    return this.#armed.length;
  }

  /**
   * Applies the faults that match `request`. Resolves true when a fault answered (or
   * dropped) the request, so the caller must not touch `res` again; false when the
   * normal handler should run (possibly after a delay).
   */
  async intercept(request: RequestInfo, res: ServerResponse): Promise<boolean> {
    for (const armed of [...this.#armed]) {
      if (armed.remaining <= 0 || !(armed.fault.match?.(request) ?? true)) continue;
      this.#consume(armed);
      const fault = armed.fault;
      switch (fault.kind) {
        case 'latency':
          await delay(fault.ms);
          break;
        case 'status':
          answer(res, fault);
          return true;
        case 'drop':
          (res.socket ?? res).destroy();
          return true;
      }
    }
    return false;
  }

  #consume(armed: ArmedFault): void {
    armed.remaining -= 1;
    if (armed.remaining <= 0) this.#armed = this.#armed.filter((a) => a !== armed);
  }
}

function answer(res: ServerResponse, fault: StatusFault): void {
  if (res.destroyed) return;
  const body = Buffer.from(fault.body ?? '', 'utf8');
  res.writeHead(fault.status, {
    'content-type': 'text/plain; charset=utf-8',
    ...fault.headers,
    'content-length': body.length,
  });
  res.end(body);
}

// The sync benchmark's side of the simulator child process: starts it, and asks it for the values
// the twins hold and for Action Network's request figures.
import { fork, type ChildProcess } from 'node:child_process';
import type { FieldRead, RateFigures, SimulatorProcessSetup, SimulatorReply, SimulatorRequest, SimulatorsReady } from './simulator-process.js';

type Pending = { resolve: (reply: SimulatorReply) => void; reject: (err: Error) => void };
type Ask = { type: 'read'; fields: FieldRead[] } | { type: 'rate' } | { type: 'close' };

export class SimulatorProcess {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private constructor(
    private readonly child: ChildProcess,
    readonly ready: SimulatorsReady,
  ) {
    child.on('message', (reply: SimulatorReply) => {
      this.pending.get(reply.id)?.resolve(reply);
      this.pending.delete(reply.id);
    });
    // A child that dies mid-benchmark must fail the questions waiting on it, not leave them hanging.
    child.on('exit', (code) => {
      for (const { reject } of this.pending.values()) reject(new Error(`the simulator process exited with code ${code} before it answered`));
      this.pending.clear();
    });
  }

  /** Forks the child, hands it the setup, and resolves once the simulators are seeded and listening. */
  static async start(setup: SimulatorProcessSetup): Promise<SimulatorProcess> {
    const child = fork(new URL('./simulator-process.js', import.meta.url), { stdio: 'inherit' });
    const ready = await new Promise<SimulatorsReady>((resolve, reject) => {
      child.once('message', (message: SimulatorsReady) => resolve(message));
      child.once('exit', (code) => reject(new Error(`the simulator process exited with code ${code} before it was ready`)));
      child.send(setup);
    });
    child.removeAllListeners('exit');
    return new SimulatorProcess(child, ready);
  }

  /** The fields' values as the CRMs hold them, in order (see readTwinField). */
  async read(fields: FieldRead[]): Promise<(string | null)[]> {
    const reply = await this.ask({ type: 'read', fields });
    return 'values' in reply ? reply.values : [];
  }

  async rate(): Promise<RateFigures> {
    const reply = await this.ask({ type: 'rate' });
    if (!('rate' in reply)) throw new Error('the simulator process answered a rate request without figures');
    return reply.rate;
  }

  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    // The child answers, then leaves; its exit may overtake the answer.
    await Promise.race([this.ask({ type: 'close' }).catch(() => undefined), exited]);
    await exited;
  }

  private ask(request: Ask): Promise<SimulatorReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ ...request, id } satisfies SimulatorRequest, (err) => err && reject(err));
    });
  }
}

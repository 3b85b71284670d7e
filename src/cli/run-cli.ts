// `contact-gateway <command>`, with the process's edges passed in so tests run it in-process:
// parses the arguments, opens the sync runtime from the environment, runs the command, closes the
// runtime, and resolves to the exit code. Mistakes end in one line on stderr, never a stack trace.
import type { Logger } from 'pino';
import type { Env } from '../../connectors/connector-module.js';
import { readCoreConfig } from '../config.js';
import { GatewayError } from '../errors/gateway-error.js';
import { createLogger } from '../logger.js';
import { EX_CONFIG } from '../process-entry.js';
import { openSyncRuntime, type SyncRuntime } from '../sync/sync-runtime.js';
import { parseCliArguments, type CliCommand } from './cli-arguments.js';
import { EX_SOFTWARE, EX_USAGE, USAGE, USAGE_HINT } from './cli-usage.js';
import { JsonLinesReporter } from './json-lines-reporter.js';
import { ProgressBarReporter } from './progress-bar-reporter.js';
import { runStatusCommand } from './status-command.js';
import { StopRequest, type SignalSource } from './stop-request.js';
import { runSyncCommand } from './sync-command.js';

export interface CliIo extends Partial<SignalSource> {
  /** Progress bars when it is a terminal, JSON lines otherwise. */
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  /** Error lines and the log. */
  stderr: NodeJS.WritableStream;
}

/** The CLI's log is for trouble: at info it would bury the progress under every page pulled. */
const DEFAULT_CLI_LOG_LEVEL = 'warn';

export async function runCli(argv: readonly string[], env: Env, io: CliIo): Promise<number> {
  let command: CliCommand;
  try {
    command = parseCliArguments(argv);
  } catch (err) {
    return reportFailure(err, io, null, 'arguments');
  }
  if (command.name === 'help') {
    io.stdout.write(USAGE);
    return 0;
  }
  const stop = new StopRequest(io.once && io.off ? (io as SignalSource) : null);
  // Without a listener, a write to a closed pipe throws EPIPE out of the event loop. The listener
  // stays: the error of the last write arrives on a later tick, after the command has returned.
  io.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') stop.request('SIGPIPE');
  });
  let logger: Logger | null = null;
  let runtime: SyncRuntime | null = null;
  let closing: Promise<void> | null = null;
  const close = (open: SyncRuntime) => (closing ??= open.close());
  // A signal closes the runtime at once: the listing in flight ends after its page, as STOPPED.
  stop.signal.addEventListener('abort', () => {
    if (runtime) close(runtime).catch(() => undefined);
  });
  try {
    const config = readCoreConfig(env);
    logger = createLogger(env['LOG_LEVEL'] === undefined ? DEFAULT_CLI_LOG_LEVEL : config.logLevel, io.stderr);
    if (command.name === 'sync' && !command.once && config.syncIntervalMs === 0) {
      throw new GatewayError('CONFIG', 'SYNC_INTERVAL_MS is 0 (no repeated sync), so sync without --once has nothing to repeat; set SYNC_INTERVAL_MS or use sync --once');
    }
    const opening = openSyncRuntime(env, { logger });
    // A signal while the store or a CRM is slow to open ends the command now; the runtime, should
    // it open after all, is closed at once.
    const opened = await Promise.race([opening, whenAborted(stop.signal)]);
    if (opened === null) {
      opening.then((late) => late.close(), () => undefined).catch(() => undefined);
      return stop.exitCode;
    }
    runtime = opened;
    if (command.name === 'status') return runStatusCommand(runtime.sync, command, io.stdout);
    const reporter = io.stdout.isTTY
      ? new ProgressBarReporter(io.stdout, command.once ? null : config.syncIntervalMs)
      : new JsonLinesReporter(io.stdout);
    return await runSyncCommand(runtime.sync, {
      scope: command.scope,
      once: command.once,
      intervalMs: config.syncIntervalMs,
      systems: runtime.systems,
      reporter,
      stop,
    });
  } catch (err) {
    return reportFailure(err, io, logger, command.name);
  } finally {
    stop.dispose();
    // The command's outcome stands; a failure to close is for the log.
    if (runtime) await close(runtime).catch((err: unknown) => logger?.error({ err }, 'closing the sync runtime failed'));
  }
}

function whenAborted(signal: AbortSignal): Promise<null> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve(null);
    else signal.addEventListener('abort', () => resolve(null), { once: true });
  });
}

function reportFailure(err: unknown, io: CliIo, logger: Logger | null, doing: string): number {
  if (err instanceof GatewayError && err.code === 'CONFIG') {
    io.stderr.write(`contact-gateway: configuration error: ${err.message}\n`);
    return EX_CONFIG;
  }
  if (err instanceof GatewayError && err.code === 'BAD_USER_INPUT') {
    io.stderr.write(`contact-gateway: ${err.message}. ${USAGE_HINT}\n`);
    return EX_USAGE;
  }
  // A GatewayError's message is written never to hold a secret; another error's text might, so it
  // goes only to the log, whose secret-bearing fields are redacted.
  if (err instanceof GatewayError) {
    io.stderr.write(`contact-gateway: ${doing} failed: ${err.message}\n`);
    return 1;
  }
  (logger ?? createLogger('error', io.stderr)).error({ err }, `${doing} failed unexpectedly`);
  io.stderr.write(`contact-gateway: ${doing} failed unexpectedly; the error is in the log above\n`);
  return EX_SOFTWARE;
}

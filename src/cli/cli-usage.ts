// The text `contact-gateway help` prints; the README's "Command line" section says the same.
import { ENTITY_TYPES, SYSTEMS } from '../model/system.js';

export const EX_USAGE = 64;
export const EX_SOFTWARE = 70;

export const USAGE_HINT = "Run 'contact-gateway help' for usage.";

export const USAGE = `Usage: contact-gateway <command> [options]

Commands:
  sync --once    Pull what changed in each configured CRM since the last run, propagate it to the
                 twins in the other CRMs, and exit.
  sync           The same, again SYNC_INTERVAL_MS after each pass ends, until SIGINT (Ctrl-C) or
                 SIGTERM.
  status         The sync status of each CRM and entity, and the conflicts recorded.
  help           This text.

Options:
  --system S     sync only CRM S: ${SYSTEMS.join(', ')} (default: every configured CRM).
  --entity E     sync only entity E: ${ENTITY_TYPES.join(', ')} (default: all the CRM holds).
  --json         status: print JSON instead of a table.
  -h, --help     This text.

The CRMs, the store and SYNC_INTERVAL_MS are read from the same environment variables as the
gateway's (README, "Configuration"). Logs go to stderr, at LOG_LEVEL (default here: warn).

On a terminal, sync shows a progress bar per CRM, then a table of the runs. Otherwise it writes
JSON lines to stdout: "progress" events (at most one per CRM every 250 ms, and each listing's
last), one "run" line per CRM and entity, and a "summary" line per pass.

The gateway (npm start) already syncs in the background every SYNC_INTERVAL_MS. The CLI and a
running gateway must not use the same store at the same time: stop the gateway first.

Exit codes: 0 every run succeeded; 1 a run failed; 64 bad command or option; 78 configuration
error (a wrong variable, no CRM configured); 130 / 143 sync --once stopped by SIGINT / SIGTERM,
141 when the reader of its output went away; a repeating sync that is stopped exits 0.
`;

#!/usr/bin/env node
// `contact-gateway` (package.json "bin"): the command line on the real process. Everything else is
// in run-cli.ts, which tests drive in-process.
import { runCli } from './run-cli.js';

const code = await runCli(process.argv.slice(2), process.env, process);
// Exit once what was written has left, so a piped JSON line is never cut short; exiting rather than
// waiting for the event loop to drain also ends any keep-alive socket a CRM client still holds.
process.stdout.write('', () => process.exit(code));

// The command line end to end: runCli in-process, configured by environment variables like a user's
// shell, against the three CRM simulators (seeded with the demo data) and a sqlite store on disk.
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo as seedActionNetwork } from '../../connectors/actionnetwork/simulator/demo-seed.js';
import { seedDemoData as seedCiviCrm } from '../../connectors/civicrm/simulator/seed.js';
import { seedDemo as seedVtiger } from '../../connectors/vtiger/simulator/demo-seed.js';
import { MODULES } from '../../connectors/vtiger/simulator/modules.js';
import { SIMULATOR_ACCESS_KEY, SIMULATOR_USERNAME } from '../../connectors/vtiger/simulator/server.js';
import { runCli } from '../../src/cli/run-cli.js';
import { CURSOR_WIDTH } from '../../src/cli/status-table.js';
import { startCrmSimulators, type CrmSimulators } from '../support/crm-simulators.js';

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A terminal or a pipe for stdout, and the process's signals as an EventEmitter the test can fire. */
function cliIo(tty = false) {
  const collect = (stream: PassThrough) => {
    const chunks: string[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    return () => chunks.join('');
  };
  const stdout = Object.assign(new PassThrough(), tty ? { isTTY: true, columns: 160 } : {});
  const stderr = new PassThrough();
  const io = Object.assign(new EventEmitter(), { stdout, stderr });
  return { io, stdout: collect(stdout), stderr: collect(stderr) };
}

async function cli(argv: string[], env: Record<string, string>, tty = false): Promise<CliResult> {
  const { io, stdout, stderr } = cliIo(tty);
  const code = await runCli(argv, env, io);
  return { code, stdout: stdout(), stderr: stderr() };
}

type Line = Record<string, any>;
const jsonLines = (text: string): Line[] => text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Line);
const runLines = (lines: Line[]) => lines.filter((l) => l['type'] === 'run');
const pulledBy = (runs: Line[], system: string, entity: string) => runs.find((r) => r['system'] === system && r['entity'] === entity)?.['counts'].pulled as number;

let sims: CrmSimulators;
let dir: string;
let env: Record<string, string>;
let secrets: string[];
const people = { ACTION_NETWORK: 0, VTIGER: 0 };

beforeAll(async () => {
  sims = await startCrmSimulators();
  seedCiviCrm(sims.civi.db);
  seedActionNetwork(sims.an.store);
  seedVtiger(sims.vtiger.store);
  people.ACTION_NETWORK = sims.an.store.people.size;
  people.VTIGER = sims.vtiger.store.live(MODULES.get('Contacts')!).length;
  dir = await mkdtemp(join(tmpdir(), 'contact-gateway-cli-'));
  env = {
    STORE_URL: `sqlite://${join(dir, 'state.sqlite')}`,
    CIVICRM_URL: sims.civi.url,
    CIVICRM_API_KEY: sims.civi.apiKey,
    CIVICRM_TIMEZONE: sims.civi.timeZone,
    ACTIONNETWORK_URL: sims.an.url,
    ACTIONNETWORK_API_TOKEN: sims.an.apiToken,
    ACTIONNETWORK_RATE_LIMIT: '1000',
    ACTIONNETWORK_FUNDRAISING_PAGE: sims.fundraisingPage,
    VTIGER_URL: sims.vtiger.url,
    VTIGER_USERNAME: SIMULATOR_USERNAME,
    VTIGER_ACCESS_KEY: SIMULATOR_ACCESS_KEY,
    VTIGER_TIMEZONE: sims.vtiger.store.timezone,
  };
  secrets = [sims.civi.apiKey, sims.an.apiToken, SIMULATOR_ACCESS_KEY];
});
afterAll(async () => {
  await sims.close();
  await rm(dir, { recursive: true, force: true });
});

function expectNoSecret(result: CliResult): void {
  for (const secret of secrets) expect(result.stdout + result.stderr).not.toContain(secret);
}

describe('contact-gateway sync and status', () => {
  // The tests share the store, in order: a first full pass, an incremental one, one scoped, then status.
  let first: Line[];

  it('sync --once in a pipe: JSON lines with progress, one SUCCEEDED run per CRM and entity, and a summary', async () => {
    const result = await cli(['sync', '--once'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = jsonLines(result.stdout);
    first = runLines(lines);
    expect(new Set(first.map((r) => r['system']))).toEqual(new Set(['CIVICRM', 'ACTION_NETWORK', 'VTIGER']));
    for (const run of first) expect(run).toMatchObject({ pass: 1, trigger: 'CLI', outcome: 'SUCCEEDED', error: null });
    expect(new Set(first.map((r) => `${r['system']}/${r['entity']}`)).size).toBe(first.length);
    // The first pass lists everything: every person each CRM holds.
    expect(pulledBy(first, 'ACTION_NETWORK', 'PERSON')).toBe(people.ACTION_NETWORK);
    expect(pulledBy(first, 'VTIGER', 'PERSON')).toBe(people.VTIGER);
    expect(pulledBy(first, 'CIVICRM', 'PERSON')).toBeGreaterThan(0);
    // Each listing's last progress event carries its final count.
    const progress = lines.filter((l) => l['type'] === 'progress');
    for (const run of first) {
      expect(progress).toContainEqual({ type: 'progress', pass: 1, system: run['system'], entity: run['entity'], pages: expect.any(Number), pulled: run['counts'].pulled, done: true });
    }
    const summary = lines.at(-1)!;
    expect(summary).toMatchObject({ type: 'summary', pass: 1, runs: first.length, succeeded: first.length, failed: 0 });
    expect(summary['pulled']).toBe(first.reduce((sum, r) => sum + r['counts'].pulled, 0));
    expectNoSecret(result);
  });

  it('a later sync --once is incremental: it pulls what changed since, not every record', async () => {
    // The second pass lists the twins the first one wrote; after it, the CRMs hold what the store does.
    const second = await cli(['sync', '--once'], env);
    expect(second.code).toBe(0);
    expect(runLines(jsonLines(second.stdout)).map((r) => r['outcome'])).toEqual(first.map(() => 'SUCCEEDED'));

    const contacts = sims.vtiger.store.live(MODULES.get('Contacts')!);
    const edited = contacts.find((c) => c.values['firstname'] === 'Alice')!;
    sims.vtiger.store.change(edited, { firstname: 'Alicia' }, null, null);
    const third = await cli(['sync', '--once'], env);
    expect(third.code).toBe(0);
    const runs = runLines(jsonLines(third.stdout));
    const vtigerPeople = runs.find((r) => r['system'] === 'VTIGER' && r['entity'] === 'PERSON')!;
    expect(vtigerPeople['counts'].changed).toBe(1);
    expect(vtigerPeople['counts'].pulled).toBeLessThan(contacts.length);
    // Nothing changed anywhere else.
    expect(runs.filter((r) => r !== vtigerPeople && r['counts'].changed > 0).map((r) => `${r['system']}/${r['entity']}`)).toEqual([]);
  });

  it('--system VTIGER --entity PERSON runs that listing only', async () => {
    const result = await cli(['sync', '--once', '--system', 'VTIGER', '--entity', 'PERSON'], env);
    expect(result.code).toBe(0);
    const lines = jsonLines(result.stdout);
    expect(runLines(lines).map((r) => [r['system'], r['entity'], r['outcome']])).toEqual([['VTIGER', 'PERSON', 'SUCCEEDED']]);
    expect(lines.filter((l) => l['type'] === 'progress').every((l) => l['system'] === 'VTIGER' && l['entity'] === 'PERSON')).toBe(true);
  });

  it('on a terminal: a bar per CRM, then the table of runs', async () => {
    const result = await cli(['sync', '--once', '--system', 'VTIGER'], env, true);
    expect(result.code).toBe(0);
    const text = stripVTControlCharacters(result.stdout);
    expect(text).toMatch(/VTIGER .* (\d+)\/\1 entities \| done \| page \d+ \| \d+ records/);
    expect(text).toMatch(/System\s+Entity\s+Outcome\s+Pulled/);
    expect(text).toMatch(/\nVTIGER\s+PERSON\s+SUCCEEDED\s+\d+/);
    expect(text).toMatch(/Pass 1: \d+ runs in \S+, \d+ succeeded, 0 failed;/);
  });

  it('status prints a row per CRM and entity with its cursor, and the conflicts recorded', async () => {
    const json = await cli(['status', '--json'], env);
    expect(json.code).toBe(0);
    const { entries, conflicts } = JSON.parse(json.stdout) as { entries: Line[]; conflicts: { total: number; byField: Record<string, number> } };
    expect(entries.map((e) => `${e['system']}/${e['entity']}`).sort()).toEqual(first.map((r) => `${r['system']}/${r['entity']}`).sort());

    const table = await cli(['status'], env);
    expect(table.code).toBe(0);
    const rows = table.stdout.split('\n');
    expect(rows[0]).toMatch(/^System\s+Entity\s+Last run\s+Cursor\s+Lag\s+Pulled\s+Pushed\s+Conflicts\s+Errors\s+Next run\s+Last error$/);
    for (const entry of entries) {
      const row = rows.find((r) => r.startsWith(`${entry['system']} `) && r.split(/\s+/)[1] === entry['entity']);
      expect(row, `${entry['system']}/${entry['entity']}`).toBeDefined();
      expect(entry['cursor']).not.toBeNull();
      const cursor = entry['cursor'] as string;
      // Short cursors whole; long ones by their start.
      expect(row).toContain(cursor.length <= CURSOR_WIDTH ? cursor : cursor.slice(0, CURSOR_WIDTH / 2 - 1));
      // No schedule runs in the CLI.
      expect(row).toMatch(/—(\s+)?$/);
    }
    // The demo data disagrees across CRMs (names, addresses): the first pass settled conflicts.
    expect(conflicts.total).toBeGreaterThan(0);
    const perField = Object.entries(conflicts.byField).map(([field, n]) => `${field} ${n}`);
    expect(rows).toContain(`Conflicts recorded: ${conflicts.total} (${perField.join(', ')})`);
    expectNoSecret(table);
  });

  it('sync without --once repeats every SYNC_INTERVAL_MS until SIGINT, then exits 0', async () => {
    const { io, stdout } = cliIo();
    const done = runCli(['sync', '--system', 'VTIGER', '--entity', 'ORGANIZATION'], { ...env, SYNC_INTERVAL_MS: '50' }, io);
    const summaries = () => jsonLines(stdout()).filter((l) => l['type'] === 'summary');
    await expect.poll(() => summaries().length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    io.emit('SIGINT');
    expect(await done).toBe(0);
    expect(summaries().map((s) => s['pass']).slice(0, 2)).toEqual([1, 2]);
    expect(io.listenerCount('SIGINT') + io.listenerCount('SIGTERM')).toBe(0);
  });
});

describe('contact-gateway sync when things go wrong', () => {
  // Each on a store of its own, so the runs above keep theirs.
  const ownStore = (name: string) => ({ ...env, STORE_URL: `sqlite://${join(dir, `${name}.sqlite`)}` });

  it('exits 1 when a run fails, with the CRM’s error in its line and no secret', async () => {
    const wrongKey = 'not-the-civicrm-key';
    const result = await cli(['sync', '--once', '--system', 'CIVICRM', '--entity', 'ORGANIZATION'], { ...ownStore('failing'), CIVICRM_API_KEY: wrongKey });
    expect(result.code).toBe(1);
    const lines = jsonLines(result.stdout);
    expect(runLines(lines)).toEqual([expect.objectContaining({ system: 'CIVICRM', entity: 'ORGANIZATION', outcome: 'FAILED', error: { code: 'UPSTREAM_AUTH', message: expect.any(String) } })]);
    expect(lines.at(-1)).toMatchObject({ type: 'summary', failed: 1, succeeded: 0 });
    expect(result.stdout + result.stderr).not.toContain(wrongKey);
  });

  it('SIGINT during sync --once cuts the pass short and exits 130', async () => {
    sims.vtiger.faults.inject({ kind: 'latency', ms: 200, times: Infinity });
    try {
      const { io, stdout } = cliIo();
      const done = runCli(['sync', '--once', '--system', 'VTIGER'], ownStore('interrupted'), io);
      await expect.poll(() => jsonLines(stdout()).some((l) => l['type'] === 'progress'), { timeout: 10_000 }).toBe(true);
      io.emit('SIGINT');
      expect(await done).toBe(130);
      const runs = runLines(jsonLines(stdout()));
      // The listing in flight ends STOPPED after its page, or, between listings, the rest never start.
      expect(runs.map((r) => r['outcome']).filter((o) => o !== 'SUCCEEDED' && o !== 'STOPPED')).toEqual([]);
      expect(runs.filter((r) => r['outcome'] === 'SUCCEEDED').length).toBeLessThan(3);
    } finally {
      sims.vtiger.faults.clear();
    }
  });

  it('a signal while the runtime opens ends the command at once with 128 + its number', async () => {
    const { io, stdout } = cliIo();
    const done = runCli(['sync', '--once'], ownStore('never-opened'), io);
    io.emit('SIGTERM');
    expect(await done).toBe(143);
    expect(stdout()).toBe('');
  });

  it('a reader that closes the pipe (| head) stops sync --once like a signal, exit 141, instead of an EPIPE crash', async () => {
    let writes = 0;
    const stdout = new Writable({
      write(_chunk, _encoding, callback) {
        writes += 1;
        callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const stderr = new PassThrough();
    const code = await runCli(['sync', '--once', '--system', 'VTIGER'], ownStore('closed-pipe'), { stdout, stderr });
    expect(code).toBe(141);
    expect(writes).toBeGreaterThan(0);
  });
});

describe('contact-gateway mistakes', () => {
  it('help, --help and no command print the usage, which warns against sharing the store with a running gateway', async () => {
    for (const argv of [['help'], ['--help'], []]) {
      const result = await cli(argv, {});
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Usage: contact-gateway <command>/);
      expect(result.stdout).toContain('The gateway (npm start) already syncs in the background');
      expect(result.stdout).toContain('must not use the same store at the same time');
    }
  });

  it('a bad --system value exits 64 with one line naming --system', async () => {
    const result = await cli(['sync', '--once', '--system', 'FOO'], env);
    expect(result).toEqual({
      code: 64,
      stdout: '',
      stderr: `contact-gateway: --system must be one of CIVICRM, ACTION_NETWORK, VTIGER, but got: "FOO". Run 'contact-gateway help' for usage.\n`,
    });
  });

  it('an unknown command exits 64', async () => {
    const result = await cli(['synk'], env);
    expect(result.code).toBe(64);
    expect(result.stderr).toBe(`contact-gateway: unknown command "synk"; the commands are sync, status and help. Run 'contact-gateway help' for usage.\n`);
  });

  it('--system naming a CRM that is not configured exits 64', async () => {
    const civicrmOnly = Object.fromEntries(Object.entries(env).filter(([name]) => !/^(ACTIONNETWORK|VTIGER)_/.test(name)));
    const result = await cli(['sync', '--once', '--system', 'VTIGER'], civicrmOnly);
    expect(result.code).toBe(64);
    expect(result.stderr).toBe(`contact-gateway: --system VTIGER is not configured; configured: CIVICRM. Run 'contact-gateway help' for usage.\n`);
  });

  it('--entity that the --system CRM does not hold exits 64 naming what it holds', async () => {
    const result = await cli(['sync', '--once', '--system', 'ACTION_NETWORK', '--entity', 'ORGANIZATION'], env);
    expect(result.code).toBe(64);
    expect(result.stderr).toBe(`contact-gateway: --entity ORGANIZATION: ACTION_NETWORK syncs PERSON, DONATION. Run 'contact-gateway help' for usage.\n`);
  });

  it('no CRM configured exits 78 with one line', async () => {
    const result = await cli(['sync', '--once'], { STORE_URL: env['STORE_URL']! });
    expect(result.code).toBe(78);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^contact-gateway: configuration error: [^\n]+\n$/);
  });

  it('a wrong variable exits 78 naming it, without echoing a secret', async () => {
    const result = await cli(['status'], { ...env, SYNC_INTERVAL_MS: 'soon' });
    expect(result.code).toBe(78);
    expect(result.stderr).toMatch(/^contact-gateway: configuration error: SYNC_INTERVAL_MS must be [^\n]+, but got: "soon"\n$/);
    const bad = await cli(['status'], { ...env, CIVICRM_URL: 'ftp://crm.example.org' });
    expect(bad.code).toBe(78);
    expect(bad.stderr).toMatch(/^contact-gateway: configuration error: CIVICRM_URL [^\n]+\n$/);
    expectNoSecret(bad);
  });

  it('sync without --once refuses SYNC_INTERVAL_MS=0, which repeats nothing', async () => {
    const result = await cli(['sync'], { ...env, SYNC_INTERVAL_MS: '0' });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('SYNC_INTERVAL_MS is 0');
  });
});

describe('the contact-gateway executable', () => {
  it('is package.json bin, built from src/cli/main.ts, which runs under node', async () => {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin).toEqual({ 'contact-gateway': 'dist/src/cli/main.js' });
    const main = new URL('../../src/cli/main.ts', import.meta.url);
    expect(existsSync(main)).toBe(true);
    expect((await readFile(main, 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});

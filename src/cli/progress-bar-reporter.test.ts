import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { SyncRun } from '../sync/sync-run.js';
import { summarizePass } from './pass-summary.js';
import { ProgressBarReporter } from './progress-bar-reporter.js';

function terminal() {
  const out = Object.assign(new PassThrough(), { isTTY: true, columns: 160 });
  const chunks: string[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  return { out, text: () => stripVTControlCharacters(chunks.join('')) };
}

function run(system: SyncRun['system'], entity: SyncRun['entity'], pulled: number): SyncRun {
  const startedAt = DateTime.fromISO('2026-11-22T10:00:00Z', { zone: 'utc' });
  return {
    id: `${system}-${entity}`,
    system,
    entity,
    trigger: 'CLI',
    startedAt,
    finishedAt: startedAt.plus({ seconds: 2 }),
    outcome: 'SUCCEEDED',
    cursor: null,
    counts: { pulled, changed: pulled, deleted: 0, pushed: 0, conflicts: 0, echoes: 0, errors: 0 },
    error: null,
  };
}

describe('ProgressBarReporter', () => {
  it('fills a bar per CRM as its entities finish, with the next entity, records and rate, then tables the runs', () => {
    let now = 0;
    const { out, text } = terminal();
    const reporter = new ProgressBarReporter(out, 60_000, () => now);
    reporter.begin(1, [
      { system: 'CIVICRM', entity: 'ORGANIZATION' },
      { system: 'CIVICRM', entity: 'PERSON' },
      { system: 'VTIGER', entity: 'ORGANIZATION' },
      { system: 'VTIGER', entity: 'PERSON' },
    ]);
    now = 1_000;
    reporter.progress({ system: 'CIVICRM', entity: 'ORGANIZATION', pages: 1, pulled: 200, done: true });
    reporter.progress({ system: 'CIVICRM', entity: 'PERSON', pages: 3, pulled: 600, done: false });
    reporter.progress({ system: 'VTIGER', entity: 'ORGANIZATION', pages: 1, pulled: 100, done: true });
    now = 2_000;
    reporter.progress({ system: 'CIVICRM', entity: 'PERSON', pages: 5, pulled: 1_000, done: true });
    const runs = [run('CIVICRM', 'ORGANIZATION', 200), run('CIVICRM', 'PERSON', 1_000)];
    reporter.end(runs, summarizePass(1, runs, 2_000));

    const output = text();
    expect(output).toMatch(/CIVICRM .*2\/2 entities \| done \| page 5 \| 1200 records \| 600\/s/);
    // A finished listing shows the entity that comes next.
    expect(output).toMatch(/VTIGER  .*1\/2 entities \| PERSON \| page 0 \| 100 records \| 100\/s/);
    expect(output).toContain('System   Entity        Outcome    Pulled');
    expect(output).toMatch(/CIVICRM  PERSON        SUCCEEDED    1000 /);
    expect(output).toContain('Pass 1: 2 runs in 2s, 2 succeeded, 0 failed; 1200 pulled, 1200 changed, 0 deleted, 0 pushed, 0 conflicts, 0 errors.');
    expect(output).toContain('Next pass in 1m00s; Ctrl-C stops.');
  });
});

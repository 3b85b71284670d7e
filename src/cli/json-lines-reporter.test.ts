import { PassThrough } from 'node:stream';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { SyncRun } from '../sync/sync-run.js';
import { JsonLinesReporter } from './json-lines-reporter.js';
import { summarizePass } from './pass-summary.js';

function capture() {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  return { out, lines: () => chunks.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line)) };
}

const run: SyncRun = {
  id: 'r1',
  system: 'VTIGER',
  entity: 'PERSON',
  trigger: 'CLI',
  startedAt: DateTime.fromISO('2026-11-22T10:00:00Z', { zone: 'utc' }),
  finishedAt: DateTime.fromISO('2026-11-22T10:00:02.5Z', { zone: 'utc' }),
  outcome: 'SUCCEEDED',
  cursor: '2026-11-22 09:59:58',
  counts: { pulled: 40, changed: 3, deleted: 0, pushed: 2, conflicts: 0, echoes: 1, errors: 0 },
  error: null,
};

describe('JsonLinesReporter', () => {
  it('writes at most one progress line per CRM every 250 ms, and always a listing’s last', () => {
    let now = 0;
    const { out, lines } = capture();
    const reporter = new JsonLinesReporter(out, () => now);
    reporter.begin(1);
    const step = (at: number, system: 'CIVICRM' | 'VTIGER', pages: number, done = false) => {
      now = at;
      reporter.progress({ system, entity: 'PERSON', pages, pulled: pages * 100, done });
    };
    step(0, 'CIVICRM', 1);
    step(100, 'CIVICRM', 2);
    step(120, 'VTIGER', 1);
    step(249, 'CIVICRM', 3);
    step(250, 'CIVICRM', 4);
    step(260, 'CIVICRM', 5, true);
    expect(lines()).toEqual([
      { type: 'progress', pass: 1, system: 'CIVICRM', entity: 'PERSON', pages: 1, pulled: 100, done: false },
      { type: 'progress', pass: 1, system: 'VTIGER', entity: 'PERSON', pages: 1, pulled: 100, done: false },
      { type: 'progress', pass: 1, system: 'CIVICRM', entity: 'PERSON', pages: 4, pulled: 400, done: false },
      { type: 'progress', pass: 1, system: 'CIVICRM', entity: 'PERSON', pages: 5, pulled: 500, done: true },
    ]);
  });

  it('writes a line per run, dates in ISO 8601, then the pass summary', () => {
    const { out, lines } = capture();
    const reporter = new JsonLinesReporter(out);
    reporter.begin(2);
    reporter.end([run], summarizePass(2, [run], 2_600));
    expect(lines()).toEqual([
      { type: 'run', pass: 2, ...run, startedAt: '2026-11-22T10:00:00.000Z', finishedAt: '2026-11-22T10:00:02.500Z' },
      { type: 'summary', pass: 2, runs: 1, succeeded: 1, failed: 0, stopped: 0, pulled: 40, changed: 3, deleted: 0, pushed: 2, conflicts: 0, errors: 0, durationMs: 2_600 },
    ]);
  });
});
